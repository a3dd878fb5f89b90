// The one IPC contract: channel names, payload schemas (validated in main) and result types
// (used by the preload and the renderer). Nothing else crosses the process boundary.
import { z } from 'zod';
import { chatFileTypeSchema, MAX_CHAT_FILE_BYTES, MAX_FILE_NAME_CHARS } from './chat-files';
import { connectionTestReportSchema } from './connection-test-report';
import type { IceServer } from './ice-servers';
import type { InvokeChannel, MainEventName } from './ipc-channels';
import type { Language } from './languages';
import {
  accessLevelSchema,
  PUBLISH_SOURCE_NAMES,
  slugSchema,
  type ConnectionTestGrant,
  type LobbyEntry,
  type MeetConfig,
  type Room,
  type RoomList,
  type User,
  type WaitingParticipant,
} from './meet-types';
import type { ShownSettings } from './settings';

export const errorCodes = [
  'network',
  'not_found',
  'unauthorized',
  'forbidden',
  'conflict',
  'invalid_response',
  'invalid_input',
  'server',
  'cancelled',
  'locked_by_policy',
  'no_keyring',
  'unavailable',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppError {
  code: ErrorCode;
  /** HTTP status when the error came from the backend. */
  status?: number;
  /** Developer detail for logs; never shown as is to the user. */
  detail?: string;
  /** A finer cause the interface translates (e.g. `not_meet` when adding an instance). */
  reason?: string;
  /** The server's own sentence (in its language), shown when no translated reason fits. */
  serverMessage?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, status?: number, detail?: string): Result<never> => ({
  ok: false,
  error: { code, ...(status === undefined ? {} : { status }), ...(detail === undefined ? {} : { detail }) },
});

const roomId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const displayName = z.string().trim().min(1).max(64);
const livekitToken = z.string().min(10).max(8192);
const identity = z.string().min(1).max(256);
const profileId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/);

/** Invoke channels: renderer → main, one request, one Result. */
export const invokeSchemas = {
  'backend:config': z.undefined(),
  'backend:me': z.undefined(),
  'backend:login': z.undefined(),
  'backend:logout': z.undefined(),
  'backend:rooms:create': z.object({ username: displayName.optional() }).strict(),
  'backend:rooms:list': z.object({ page: z.number().int().min(1).max(10_000).optional() }).strict(),
  'backend:rooms:get': z.object({ slug: slugSchema, username: displayName.optional() }).strict(),
  'backend:lobby:request-entry': z.object({ roomId, username: displayName }).strict(),
  'backend:lobby:waiting': z.object({ roomId }).strict(),
  'backend:lobby:enter': z
    .object({ roomId, participantId: z.string().min(1).max(128), allowEntry: z.boolean() })
    .strict(),
  'backend:room:toggle-hand': z.object({ roomId, token: livekitToken, raised: z.boolean() }).strict(),
  'backend:room:rename': z.object({ roomId, token: livekitToken, name: displayName }).strict(),
  'backend:room:mute-participant': z
    .object({ roomId, identity, trackSid: z.string().min(1).max(128), token: livekitToken.optional() })
    .strict(),
  'backend:room:remove-participant': z.object({ roomId, identity }).strict(),
  'backend:room:update-role': z
    .object({ roomId, identity, role: z.enum(['member', 'administrator']) })
    .strict(),
  /**
   * What a participant may do in the LiveKit room (the whole set, as LiveKit replaces it at once),
   * and/or attributes to change (an empty value removes one, e.g. `handRaisedAt` to lower a hand).
   */
  'backend:room:update-participant': z
    .object({
      roomId,
      identity,
      attributes: z
        .record(z.string().min(1).max(64), z.string().max(256))
        .refine((attributes) => Object.keys(attributes).length <= 8, 'too many attributes')
        .optional(),
      permission: z
        .object({
          canSubscribe: z.boolean(),
          canPublish: z.boolean(),
          canPublishData: z.boolean(),
          canUpdateMetadata: z.boolean(),
          canSubscribeMetrics: z.boolean(),
          canPublishSources: z.array(z.enum(PUBLISH_SOURCE_NAMES)).max(4),
        })
        .strict()
        .optional(),
    })
    .strict()
    .refine((update) => update.permission !== undefined || update.attributes !== undefined, 'nothing to update'),
  'backend:room:patch': z
    .object({
      roomId,
      accessLevel: accessLevelSchema.optional(),
      configuration: z
        .object({
          can_publish_sources: z.array(z.string().max(64)).max(8).optional(),
          everyone_can_mute: z.boolean().optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  'backend:room:start-recording': z
    .object({
      roomId,
      mode: z.enum(['screen_recording', 'transcript']),
      language: z.string().max(16).optional(),
    })
    .strict(),
  'backend:room:stop-recording': z.object({ roomId }).strict(),
  'backend:room:start-subtitle': z.object({ roomId, token: livekitToken }).strict(),
  'backend:diagnostics:connection': z.undefined(),
  /** Asks the user where to put the connection test's report, then writes it there. */
  'diagnostics:save-report': z.object({ report: connectionTestReportSchema }).strict(),
  'shell:open-external': z.object({ url: z.string().max(4096) }).strict(),
  /**
   * "Show Visio" in the floating call window: the main window comes back to the front, and the
   * floating window goes as it does whenever the main window is seen again.
   */
  'window:show-main': z.undefined(),
  'app:info': z.undefined(),
  /** Today's meetings of the user's agenda that link to a meeting of the instance. */
  'calendar:today': z.undefined(),
  'call:state': z
    .object({
      state: z.enum(['idle', 'prejoin', 'lobby', 'in-call']),
      muted: z.boolean(),
      cameraOn: z.boolean(),
      roomSlug: slugSchema.nullable(),
      sharing: z.boolean(),
    })
    .strict(),
  /** Who spoke last and how many are in the call: the mini call window shows it. */
  'call:speaker': z
    .object({
      name: z.string().max(64).nullable(),
      isLocal: z.boolean(),
      participantCount: z.number().int().min(0).max(10_000),
    })
    .strict(),
  'lobby:waiting-changed': z
    .object({
      roomId,
      roomSlug: slugSchema,
      participants: z.array(z.object({ id: z.string().max(128), username: z.string().max(64) }).strict()).max(500),
    })
    .strict(),
  'chat:received': z
    .object({ from: z.string().max(64), text: z.string().max(500), roomSlug: slugSchema })
    .strict(),
  /**
   * Asks the user where to put a file received in the chat, then writes it there. Main checks it
   * against the chat files setting first; its name is cleaned again.
   */
  'chat:save-file': z
    .object({
      name: z.string().min(1).max(MAX_FILE_NAME_CHARS * 4),
      mimeType: chatFileTypeSchema,
      contents: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_CHAT_FILE_BYTES, 'file too large'),
    })
    .strict(),
  'capture:choose': z
    .object({
      requestId: z.string().min(1).max(64),
      sourceId: z.string().min(1).max(256).nullable(),
      audio: z.boolean(),
    })
    .strict(),
  'settings:get': z.undefined(),
  /** A partial user settings object; main checks each key and refuses the policy's. */
  'settings:update': z
    .record(z.string().max(64), z.unknown())
    .refine((patch) => Object.keys(patch).length <= 16, 'too many keys'),
  'profiles:list': z.undefined(),
  'profiles:add-instance': z.object({ url: z.string().trim().min(1).max(2048) }).strict(),
  'profiles:select': z.object({ profileId }).strict(),
} as const satisfies Record<InvokeChannel, z.ZodType>;

export type { InvokeChannel, MainEventName };
export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeSchemas)[C]>;

export interface AppInfo {
  kind: 'electron' | 'browser';
  version: string;
  os: string;
  profile: {
    id: string;
    displayName: string;
    apiBaseUrl: string;
    meetingHosts: string[];
    scheme: string;
    /** Host patterns the calls' ICE servers (STUN, TURN) may point at; every other one is dropped. */
    allowedHosts: string[];
    /** The profile's own ICE servers, used instead of the LiveKit server's when set. */
    iceServers?: IceServer[];
    /** The ministry's colour (`#rrggbb`), or the State's blue. */
    accentColor: string;
  };
  language: Language;
}

/** One occurrence of an agenda event whose link names a meeting of the instance. */
export interface AgendaMeeting {
  occurrenceId: string;
  title: string;
  slug: string;
  /** ISO 8601 instant. */
  startsAt: string;
}

/**
 * `disabled`: no agenda on this computer (none configured, turned off by the profile, or a
 * browser); `pending`: configured, not read yet; `read`: today's meetings, earliest first.
 */
export type TodaysMeetings = { state: 'disabled' } | { state: 'pending' } | { state: 'read'; meetings: AgendaMeeting[] };

export interface CaptureSource {
  id: string;
  name: string;
  kind: 'screen' | 'window';
  thumbnailDataUrl: string;
  iconDataUrl: string | null;
}

/** The settings as the settings screen shows them (defaults < profile < user < machine policy). */
export interface SettingsView {
  settings: ShownSettings;
  /** Keys set by the machine policy: shown, not editable. */
  locked: string[];
  /** Profiles the user may pick, or null when any is allowed. */
  permittedProfileIds: string[] | null;
}

export interface ProfileSummary {
  id: string;
  displayName: string;
  apiBaseUrl: string;
  origin: 'bundled' | 'user';
}

export interface ProfileList {
  profiles: ProfileSummary[];
  /** The profile this run uses. */
  activeProfileId: string;
  /** The profile chosen in the settings: differs from the active one until the app restarts. */
  selectedProfileId: string;
  addInstanceAllowed: boolean;
}

export interface InvokeOutputs extends Record<InvokeChannel, unknown> {
  'backend:config': MeetConfig;
  'backend:me': User | null;
  'backend:login': User;
  'backend:logout': null;
  'backend:rooms:create': Room;
  'backend:rooms:list': RoomList;
  'backend:rooms:get': Room;
  'backend:lobby:request-entry': LobbyEntry;
  'backend:lobby:waiting': WaitingParticipant[];
  'backend:lobby:enter': null;
  'backend:room:toggle-hand': null;
  'backend:room:rename': null;
  'backend:room:mute-participant': null;
  'backend:room:remove-participant': null;
  'backend:room:update-role': null;
  'backend:room:update-participant': null;
  'backend:room:patch': Room;
  'backend:room:start-recording': null;
  'backend:room:stop-recording': null;
  'backend:room:start-subtitle': null;
  'backend:diagnostics:connection': ConnectionTestGrant;
  /** Saved; a user who closes the file dialog gets the error `cancelled`. */
  'diagnostics:save-report': null;
  'shell:open-external': null;
  'window:show-main': null;
  'app:info': AppInfo;
  'calendar:today': TodaysMeetings;
  'call:state': null;
  'call:speaker': null;
  'lobby:waiting-changed': null;
  'chat:received': null;
  /** Saved; a user who closes the file dialog gets the error `cancelled`. */
  'chat:save-file': null;
  'capture:choose': null;
  'settings:get': SettingsView;
  'settings:update': SettingsView;
  'profiles:list': ProfileList;
  'profiles:add-instance': ProfileSummary;
  'profiles:select': ProfileList;
}

/** Events: main → renderer. */
export interface MainEvents extends Record<MainEventName, unknown> {
  'event:join': { slug: string };
  'event:command': {
    command: 'toggle-mic' | 'toggle-camera' | 'leave' | 'show-chat' | 'show-participants' | 'stop-screen-share';
  };
  /** The computer is going to sleep: the renderer may pause what resumes badly (LiveKit reconnects). */
  'event:system-suspend': Record<string, never>;
  'event:lobby-decision': { roomId: string; participantId: string; allowEntry: boolean };
  'event:capture-request': { requestId: string; sources: CaptureSource[]; audioAvailable: boolean };
  'event:capture-cancelled': { requestId: string };
  /** The main window went out of sight during a call: the page opens its floating call window. */
  'event:floating-window': Record<string, never>;
}
/** Each channel's output and each event's payload is written: none is left `unknown`. */
type Unwritten<T> = { [K in keyof T]: unknown extends T[K] ? K : never }[keyof T];
export const everyOutputIsWritten: [Unwritten<InvokeOutputs>] extends [never] ? true : Unwritten<InvokeOutputs> = true;
export const everyEventIsWritten: [Unwritten<MainEvents>] extends [never] ? true : Unwritten<MainEvents> = true;

/** What the preload exposes as `window.visio`, and what the browser implementation provides. */
export interface VisioApi {
  invoke<C extends InvokeChannel>(channel: C, payload: InvokeInput<C>): Promise<Result<InvokeOutputs[C]>>;
  on<E extends MainEventName>(event: E, listener: (payload: MainEvents[E]) => void): () => void;
}

export const PRELOAD_GLOBAL = 'visio';
