import { DisconnectReason } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { endReasonFor } from './end-reason';

describe('endReasonFor', () => {
  it('never rejoins by itself after a removal', () => {
    expect(endReasonFor(DisconnectReason.PARTICIPANT_REMOVED)).toBe('removed');
    expect(endReasonFor(DisconnectReason.CLIENT_INITIATED)).toBe('left');
    expect(endReasonFor(DisconnectReason.ROOM_DELETED)).toBe('room_closed');
    expect(endReasonFor(DisconnectReason.DUPLICATE_IDENTITY)).toBe('joined_elsewhere');
  });

  it('treats a server restart or a network loss as lost', () => {
    expect(endReasonFor(DisconnectReason.SERVER_SHUTDOWN)).toBeNull();
    expect(endReasonFor(DisconnectReason.SIGNAL_CLOSE)).toBeNull();
    expect(endReasonFor(undefined)).toBeNull();
  });
});
