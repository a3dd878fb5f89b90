import { describe, expect, it } from 'vitest';
import { connectionView } from './connection-health';

describe('connectionView', () => {
  it('says nothing while the media flows, even when the signalling is being resumed', () => {
    expect(connectionView('connected', false, false)).toBe('ok');
    expect(connectionView('reconnecting', true, false)).toBe('ok');
  });

  it('calls the link unstable when the media stopped, whatever the signalling says', () => {
    expect(connectionView('connected', false, true)).toBe('unstable');
    expect(connectionView('reconnecting', true, true)).toBe('unstable');
  });

  it('calls the call lost during a full reconnection or a rejoin', () => {
    expect(connectionView('reconnecting', false, false)).toBe('lost');
    expect(connectionView('reconnecting', false, true)).toBe('lost');
  });

  it('has nothing to say outside a call', () => {
    expect(connectionView('idle', false, true)).toBe('ok');
    expect(connectionView('connecting', false, true)).toBe('ok');
  });
});
