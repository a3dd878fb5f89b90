import { EventEmitter } from 'node:events';
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCallLifecycleStore } from './call-lifecycle-store';
import { callStatus, followCallRoom } from './call-status';

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

describe('followCallRoom', () => {
  const fakeRoom = () => new EventEmitter() as unknown as Room;
  afterEach(() => useCallLifecycleStore.setState({ room: null, phase: 'idle', nextRejoinAt: null }));

  it('tells when the room is replaced and when its events happen, not on the countdown or the phase', () => {
    const first = fakeRoom();
    useCallLifecycleStore.setState({ room: first, phase: 'connected' });
    const onChange = vi.fn();
    const unsubscribe = followCallRoom([RoomEvent.Reconnected], onChange);

    useCallLifecycleStore.setState({ phase: 'rejoining', nextRejoinAt: Date.now() + 4_000 });
    useCallLifecycleStore.setState({ nextRejoinAt: null });
    expect(onChange).not.toHaveBeenCalled();

    const second = fakeRoom();
    useCallLifecycleStore.setState({ room: second });
    expect(onChange).toHaveBeenCalledTimes(1);
    first.emit(RoomEvent.Reconnected);
    expect(onChange).toHaveBeenCalledTimes(1);
    second.emit(RoomEvent.Reconnected);
    expect(onChange).toHaveBeenCalledTimes(2);

    unsubscribe();
    second.emit(RoomEvent.Reconnected);
    useCallLifecycleStore.setState({ room: null });
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
