// LiveKit's disconnect reasons, in the meeting's words.
import { DisconnectReason } from 'livekit-client';
import type { CallEndReason } from '../meeting/meeting-store';

/** Reasons after which joining again by ourselves would be wrong; null means "lost": try to rejoin. */
export function endReasonFor(reason: DisconnectReason | undefined): CallEndReason | null {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
    case DisconnectReason.USER_REJECTED:
      return 'left';
    case DisconnectReason.PARTICIPANT_REMOVED:
      return 'removed';
    case DisconnectReason.ROOM_DELETED:
      return 'room_closed';
    case DisconnectReason.DUPLICATE_IDENTITY:
      return 'joined_elsewhere';
    default:
      return null;
  }
}
