// Meet's in-room notifications: reliable data packets with no topic, JSON `{type, data?}`.
import { REACTION_EMOJIS, type ReactionEmoji } from '../../../common/meet-types';

export type RoomNotification =
  | { type: 'participantWaiting' }
  | { type: 'participantMuted' }
  | { type: 'reactionReceived'; emoji: ReactionEmoji }
  | { type: 'lowerHand' }
  | { type: 'permissionsRemoved'; removedSources: string[] }
  | { type: 'other'; name: string };

export function isReactionEmoji(value: unknown): value is ReactionEmoji {
  return typeof value === 'string' && (REACTION_EMOJIS as readonly string[]).includes(value);
}

export function parseRoomNotification(payload: Uint8Array): RoomNotification | null {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || typeof (value as { type?: unknown }).type !== 'string') return null;
  const { type, data } = value as { type: string; data?: Record<string, unknown> };
  switch (type) {
    case 'participantWaiting':
    case 'participantMuted':
    case 'lowerHand':
      return { type };
    case 'reactionReceived':
      return isReactionEmoji(data?.emoji) ? { type, emoji: data.emoji } : null;
    case 'permissionsRemoved':
      return {
        type,
        removedSources: Array.isArray(data?.removedSources) ? data.removedSources.filter((source): source is string => typeof source === 'string') : [],
      };
    default:
      return { type: 'other', name: type };
  }
}

export function encodeRoomNotification(type: string, data?: Record<string, unknown>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(data ? { type, data } : { type }));
}
