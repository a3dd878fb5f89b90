import { ConnectionState } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { callStatus } from './call-status';

describe('the call status, from our lifecycle and the room connection', () => {
  it('is reconnecting while a fresh room is joined, whatever that room says', () => {
    expect(callStatus('rejoining', ConnectionState.Connecting)).toEqual({ status: 'reconnecting', signalOnly: false });
    expect(callStatus('rejoining', undefined)).toEqual({ status: 'reconnecting', signalOnly: false });
  });

  it('follows LiveKit resuming the session inside the room', () => {
    expect(callStatus('connected', ConnectionState.Connected)).toEqual({ status: 'connected', signalOnly: false });
    expect(callStatus('connected', ConnectionState.Reconnecting)).toEqual({ status: 'reconnecting', signalOnly: false });
    expect(callStatus('connected', ConnectionState.SignalReconnecting)).toEqual({ status: 'reconnecting', signalOnly: true });
  });

  it('is our phase before the call is joined and after it ended', () => {
    expect(callStatus('connecting', ConnectionState.Connecting).status).toBe('connecting');
    expect(callStatus('failed', ConnectionState.Disconnected).status).toBe('failed');
    expect(callStatus('idle', undefined).status).toBe('idle');
  });
});
