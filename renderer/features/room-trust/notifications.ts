// Meet's in-room notifications (reliable data packets with no topic, JSON `{type, data?}`):
// who may send each type, and the exact shape it must have. Nothing from the payload but a
// known emoji or a known source name ever reaches the screen.
import { z } from 'zod';
import { NotificationType, PUBLISH_SOURCE_NAMES, REACTION_EMOJIS, type PublishSourceName, type ReactionEmoji } from '../../../common/meet-types';
import { MAX_NOTIFICATION_BYTES } from './limits';
import type { SenderKind } from './senders';
import { accept, decodeJson, drop, type Verdict } from './verdict';

export type RoomNotification =
  | { type: 'participantWaiting' }
  | { type: 'participantMuted' }
  | { type: 'reactionReceived'; emoji: ReactionEmoji }
  | { type: 'lowerHand' }
  | { type: 'permissionsRemoved'; removedSources: PublishSourceName[] }
  | { type: 'recordingRequested' }
  | { type: 'recordingLimitReached' }
  | { type: 'recordingChanged' };

const ADMINS: readonly SenderKind[] = ['server', 'admin'];
const PARTICIPANTS: readonly SenderKind[] = ['admin', 'member', 'agent'];

/** Who may send each notification type; a type not listed here is dropped. */
export const NOTIFICATION_SENDERS: Record<string, readonly SenderKind[]> = {
  [NotificationType.ParticipantWaiting]: ADMINS,
  [NotificationType.ParticipantMuted]: ADMINS,
  [NotificationType.LowerHand]: ADMINS,
  [NotificationType.PermissionsRemoved]: ADMINS,
  [NotificationType.ReactionReceived]: PARTICIPANTS,
  [NotificationType.TranscriptionRequested]: PARTICIPANTS,
  [NotificationType.ScreenRecordingRequested]: PARTICIPANTS,
  [NotificationType.TranscriptionLimitReached]: ADMINS,
  [NotificationType.ScreenRecordingLimitReached]: ADMINS,
  [NotificationType.TranscriptionStarted]: ADMINS,
  [NotificationType.TranscriptionStopped]: ADMINS,
  [NotificationType.ScreenRecordingStarted]: ADMINS,
  [NotificationType.ScreenRecordingStopped]: ADMINS,
};

const envelopeSchema = z.object({ type: z.string().max(64), data: z.unknown().optional() });
const reactionSchema = z.object({ emoji: z.enum(REACTION_EMOJIS) });
const permissionsSchema = z.object({ removedSources: z.array(z.unknown()).max(16) });

export function judgeNotification(payload: Uint8Array, sender: SenderKind): Verdict<RoomNotification> {
  const json = decodeJson(payload, MAX_NOTIFICATION_BYTES);
  if (!json.ok) return drop(json.reason);
  const envelope = envelopeSchema.safeParse(json.value);
  if (!envelope.success) return drop('malformed');
  const { type, data } = envelope.data;
  const allowed = Object.hasOwn(NOTIFICATION_SENDERS, type) ? NOTIFICATION_SENDERS[type] : undefined;
  if (!allowed) return drop('unknown-type');
  if (!allowed.includes(sender)) return drop('sender');
  switch (type) {
    case NotificationType.ParticipantWaiting:
    case NotificationType.ParticipantMuted:
    case NotificationType.LowerHand:
      return accept({ type });
    case NotificationType.ReactionReceived: {
      const reaction = reactionSchema.safeParse(data);
      return reaction.success ? accept({ type, emoji: reaction.data.emoji }) : drop('malformed');
    }
    case NotificationType.PermissionsRemoved: {
      const permissions = permissionsSchema.safeParse(data);
      if (!permissions.success) return drop('malformed');
      const known = new Set<PublishSourceName>();
      for (const source of permissions.data.removedSources) {
        if (!(PUBLISH_SOURCE_NAMES as readonly unknown[]).includes(source)) return drop('malformed');
        known.add(source as PublishSourceName);
      }
      return known.size > 0 ? accept({ type, removedSources: [...known] }) : drop('malformed');
    }
    case NotificationType.TranscriptionRequested:
    case NotificationType.ScreenRecordingRequested:
      return accept({ type: 'recordingRequested' });
    case NotificationType.TranscriptionLimitReached:
    case NotificationType.ScreenRecordingLimitReached:
      return accept({ type: 'recordingLimitReached' });
    default:
      return accept({ type: 'recordingChanged' });
  }
}
