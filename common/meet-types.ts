// The LaSuite Meet backend contract (../shared/meet-api.md), as schemas.
// The main process validates every response with these, so a backend that answers
// garbage becomes a typed error instead of a crash in the renderer.
import { z } from 'zod';

export const SLUG_PATTERN = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;
export const slugSchema = z.string().regex(SLUG_PATTERN);

export const accessLevelSchema = z.enum(['public', 'trusted', 'restricted']);
export type AccessLevel = z.infer<typeof accessLevelSchema>;

/** The track sources a room lets its members publish (`configuration.can_publish_sources`), as the API names them. */
export const PUBLISH_SOURCE_NAMES = ['camera', 'microphone', 'screen_share', 'screen_share_audio'] as const;
export type PublishSourceName = (typeof PUBLISH_SOURCE_NAMES)[number];

export const roomRoleSchema = z.enum(['owner', 'administrator', 'member']);
export type RoomRole = z.infer<typeof roomRoleSchema>;

export const meetConfigSchema = z
  .object({
    recording: z
      .object({
        is_enabled: z.boolean().optional(),
        available_modes: z.array(z.string()).optional(),
      })
      .passthrough()
      .optional(),
    subtitle: z.object({ enabled: z.boolean().optional() }).passthrough().optional(),
    /** Users' own background pictures: offered when enabled, within these types and size (bytes). */
    background_image: z
      .object({
        upload_is_enabled: z.boolean().optional(),
        max_size: z.number().optional(),
        allowed_extensions: z.array(z.string()).optional(),
        allowed_mimetypes: z.array(z.string()).optional(),
      })
      .passthrough()
      .optional(),
    telephony: z
      .object({
        enabled: z.boolean().optional(),
        default_country: z.string().optional(),
        international_phone_number: z.string().optional(),
      })
      .passthrough()
      .optional(),
    livekit: z.object({
      url: z.string(),
      force_wss_protocol: z.boolean().optional(),
      default_sources: z.array(z.string()).optional(),
    }).passthrough(),
    diagnostics: z.object({ connection_test_enabled: z.boolean().optional() }).passthrough().optional(),
    /** False when logged-in users keep their account's name in calls (guests may always rename). */
    authenticated_users_can_edit_display_name: z.boolean().optional(),
    max_participants_for_sound: z.number().optional(),
    auto_mute_on_join_threshold: z.number().optional(),
  })
  .passthrough();
export type MeetConfig = z.infer<typeof meetConfigSchema>;

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string().nullable().optional(),
    full_name: z.string().nullable().optional(),
    short_name: z.string().nullable().optional(),
    timezone: z.string().nullable().optional(),
    language: z.string().nullable().optional(),
    // A user who never chose one (every first login) has null here.
    default_room_access_level: accessLevelSchema.nullable().optional(),
  })
  .passthrough();
export type User = z.infer<typeof userSchema>;

export const livekitGrantSchema = z.object({
  url: z.string(),
  room: z.string(),
  token: z.string(),
});
export type LivekitGrant = z.infer<typeof livekitGrantSchema>;

/** `POST diagnostics/connection/`: a LiveKit room of its own for a connection test, valid a few minutes. */
export const connectionTestGrantSchema = z.object({
  livekit: livekitGrantSchema.extend({ expires_in: z.number().optional() }),
});
export type ConnectionTestGrant = z.infer<typeof connectionTestGrantSchema>;

export const roomConfigurationSchema = z
  .object({
    can_publish_sources: z.array(z.string()).optional(),
    everyone_can_mute: z.boolean().optional(),
  })
  .passthrough();

export const roomSchema = z
  .object({
    /** Null for an unregistered room (an unknown slug the server lets anyone open). */
    id: z.string().nullable(),
    name: z.string().optional(),
    slug: z.string(),
    access_level: accessLevelSchema,
    configuration: roomConfigurationSchema.nullable().optional(),
    pin_code: z.string().nullable().optional(),
    is_administrable: z.boolean().optional(),
    accesses: z.array(z.unknown()).optional(),
    livekit: livekitGrantSchema.nullable().optional(),
  })
  .passthrough();
export type Room = z.infer<typeof roomSchema>;
/** A room the server has a record of (every room created through the API). */
export type RegisteredRoom = Room & { id: string };
export const isRegisteredRoom = (room: Room): room is RegisteredRoom => room.id !== null;

export const roomListSchema = z.object({
  count: z.number(),
  next: z.string().nullable(),
  previous: z.string().nullable(),
  results: z.array(roomSchema),
});
export type RoomList = z.infer<typeof roomListSchema>;

export const lobbyStatusSchema = z.enum(['waiting', 'accepted', 'denied', 'idle', 'timeout']);
export const lobbyEntrySchema = z.object({
  status: lobbyStatusSchema,
  id: z.string(),
  username: z.string(),
  color: z.string().optional(),
  livekit: livekitGrantSchema.nullable().optional(),
});
export type LobbyEntry = z.infer<typeof lobbyEntrySchema>;

export const waitingParticipantSchema = z.object({
  id: z.string(),
  status: z.string(),
  username: z.string(),
  color: z.string().optional(),
});
export type WaitingParticipant = z.infer<typeof waitingParticipantSchema>;
export const waitingListSchema = z.object({ participants: z.array(waitingParticipantSchema) });

export const REACTION_EMOJIS = [
  'thumbs-up',
  'thumbs-down',
  'clapping-hands',
  'red-heart',
  'face-with-tears-of-joy',
  'face-with-open-mouth',
  'party-popper',
  'folded-hands',
] as const;
export type ReactionEmoji = (typeof REACTION_EMOJIS)[number];

/** Reliable data packets with no topic: `{type, data?}`. */
export const NotificationType = {
  ParticipantWaiting: 'participantWaiting',
  ParticipantMuted: 'participantMuted',
  ReactionReceived: 'reactionReceived',
  LowerHand: 'lowerHand',
  PermissionsRemoved: 'permissionsRemoved',
  TranscriptionStarted: 'transcriptionStarted',
  TranscriptionStopped: 'transcriptionStopped',
  TranscriptionRequested: 'transcriptionRequested',
  TranscriptionLimitReached: 'transcriptionLimitReached',
  ScreenRecordingStarted: 'screenRecordingStarted',
  ScreenRecordingStopped: 'screenRecordingStopped',
  ScreenRecordingRequested: 'screenRecordingRequested',
  ScreenRecordingLimitReached: 'screenRecordingLimitReached',
} as const;

export const CHAT_TOPIC = 'lk.chat';
export const LEGACY_CHAT_TOPIC = 'lk-chat-topic';
export const TRANSCRIPTION_TOPIC = 'lk.transcription';

export const recordingStatusSchema = z.enum(['starting', 'started', 'saving', 'aborted']);
export type RecordingStatus = z.infer<typeof recordingStatusSchema>;

/**
 * How the API addresses a room: its id, or its slug for an unregistered room (no id). The API
 * looks rooms up by either.
 */
export function roomKey(room: Pick<Room, 'id' | 'slug'>): string {
  return room.id ?? room.slug;
}
