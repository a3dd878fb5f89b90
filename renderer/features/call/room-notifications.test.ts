import { describe, expect, it } from 'vitest';
import { encodeRoomNotification, parseRoomNotification } from './room-notifications';

describe('room notifications', () => {
  it('reads a reaction and refuses unknown emoji', () => {
    expect(parseRoomNotification(encodeRoomNotification('reactionReceived', { emoji: 'party-popper' }))).toEqual({ type: 'reactionReceived', emoji: 'party-popper' });
    expect(parseRoomNotification(encodeRoomNotification('reactionReceived', { emoji: 'pile-of-poo' }))).toBeNull();
  });

  it('reads waiting, lower hand and removed permissions', () => {
    expect(parseRoomNotification(encodeRoomNotification('participantWaiting'))).toEqual({ type: 'participantWaiting' });
    expect(parseRoomNotification(encodeRoomNotification('lowerHand'))).toEqual({ type: 'lowerHand' });
    expect(parseRoomNotification(encodeRoomNotification('permissionsRemoved', { removedSources: ['camera', 3] }))).toEqual({ type: 'permissionsRemoved', removedSources: ['camera'] });
  });

  it('ignores what is not a notification', () => {
    expect(parseRoomNotification(new TextEncoder().encode('hello'))).toBeNull();
    expect(parseRoomNotification(new TextEncoder().encode('{"id":"x","message":"hi"}'))).toBeNull();
  });
});
