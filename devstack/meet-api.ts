// A LaSuite-Meet-compatible API on loopback, backed by the real LiveKit server and identity
// provider of the stack, answering as a real LaSuite Meet 1.27.0 does (../shared/meet-contract/,
// replayed by contract-replay.test.ts). It also serves the web app, since on a real instance
// one origin serves both.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DataPacket_Kind, RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import { serveCalendarFeed } from './calendar-feed';
import { LOOPBACK_HOST } from './free-port';
import { Lobby, type LobbyEntry } from './lobby';
import { colorForIdentity, DEFAULT_PUBLISH_SOURCES, isRoomAdministratorRole, mintParticipantToken } from './livekit-tokens';
import {
  actionError,
  configurationErrors,
  detailError,
  fieldErrors,
  HttpError,
  notAuthenticated,
  TEXT,
} from './meet-errors';
import {
  checkCsrf,
  cookie,
  CSRF_COOKIE,
  CSRF_TTL_SECONDS,
  deletedCookie,
  LOBBY_COOKIE,
  redirect,
  sendError,
  sendJson,
  SESSION_COOKIE,
  SESSION_TTL_SECONDS,
  type RequestContext,
} from './meet-http';
import { parseCookies } from '../common/api-request';
import { DEFAULT_MEET_SETTINGS, type MeetSettings } from './meet-settings';
import { OidcRelyingParty } from './oidc-relying-party';
import { TEST_USERS } from './oidc';
import { backgroundImageConfig, createFilesApi } from './meet-files';
import { paginate } from './meet-pagination';
import { parseParticipantUpdate, ParticipantUpdateError, roomConfigurationProblems } from './participant-update';
import { readRequestFields, RequestBodyError } from './request-body';
import { serveWebApp } from './static-files';
import type { JsonStore, StoredAccessLevel, StoredRoom, StoredRoomRole, StoredSession, StoredUser } from './store';

export { CSRF_COOKIE, LOBBY_COOKIE, SESSION_COOKIE } from './meet-http';
export const API_PREFIX = '/api/v1.0/';

const ACCESS_LEVELS: readonly StoredAccessLevel[] = ['public', 'trusted', 'restricted'];
const RECORDING_MODES = ['screen_recording', 'transcript'] as const;
const RECORDING_OPTION_KEYS = new Set(['language', 'transcribe']);
const RECORDING_STEP_MS = 1_000;
const NAME_MAX_LENGTH = 255;
const CONNECTION_TEST_TTL_SECONDS = 300;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MeetApiOptions {
  port: number;
  store: JsonStore;
  livekit: { url: string; httpUrl: string; apiKey: string; apiSecret: string };
  oidc: { issuer: string; clientId: string; clientSecret: string };
  /** Folder of the built web app, served at `/` with index.html for client routes. */
  webRoot?: string;
  /** Origins, besides the API's own, that may be a login `returnTo` and an unsafe request's `Origin`. */
  allowedOrigins?: string[];
  /** Dial-in by phone, as `config/` announces it; rooms then get a PIN. Off when omitted. */
  telephony?: DevstackTelephony;
  /** Read at every request, so a test may change them while the API runs. */
  settings?: MeetSettings;
  /** Folder standing for the instance's object storage (uploaded files). */
  storageDir: string;
}

export interface DevstackTelephony {
  /** ISO 3166 region of the number, e.g. `FR`. */
  defaultCountry: string;
  /** The number in international format, as Meet prints it: `+33 1 99 00 12 34`. */
  internationalPhoneNumber: string;
}

export interface MeetApi {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  stop(): Promise<void>;
}

/** The OIDC callback and post-logout paths, to register the API as a client of the provider. */
export function meetApiOidcPaths(origin: string): { redirectUri: string; postLogoutRedirectUri: string } {
  return {
    redirectUri: `${origin}${API_PREFIX}callback/`,
    postLogoutRedirectUri: `${origin}${API_PREFIX}logout-callback/`,
  };
}

/** Django's `slugify`, as Meet turns a room name (and a looked-up slug) into a slug. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^ -~]/g, '')
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[-\s]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

interface ApiContext extends RequestContext {
  session?: StoredSession;
  user?: StoredUser;
}

interface RecordingState {
  mode: (typeof RECORDING_MODES)[number];
  timer?: NodeJS.Timeout;
  /** Still waiting for an egress that will not answer (recorder "none"). */
  pending?: boolean;
}

interface BearerCaller {
  identity: string;
  admin: boolean;
}

function parseMetadata(metadata: string | undefined): Record<string, unknown> {
  if (!metadata) return {};
  try {
    const parsed: unknown = JSON.parse(metadata);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A required string field as DRF's CharField checks it. */
function requiredText(fields: Record<string, unknown>, name: string): string {
  const value = fields[name];
  if (value === undefined || value === null) throw fieldErrors({ [name]: TEXT.required });
  if (typeof value !== 'string') throw fieldErrors({ [name]: 'Not a valid string.' });
  if (value.trim() === '') throw fieldErrors({ [name]: TEXT.blank });
  return value.trim();
}

/** Django's answer to a SuspiciousOperation (a login or logout state it never issued). */
function sendBadRequestPage(context: RequestContext): void {
  context.response.writeHead(400, { 'content-type': 'text/html; charset=utf-8', 'content-language': 'en-us' });
  context.response.end('<!doctype html>\n<html lang="en"><head><title>Bad Request (400)</title></head><body><h1>Bad Request (400)</h1></body></html>');
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

export async function startMeetApi(options: MeetApiOptions): Promise<MeetApi> {
  const origin = `http://${LOOPBACK_HOST}:${options.port}`;
  const secureCookies = origin.startsWith('https:');
  const trustedOrigins = new Set([origin, ...(options.allowedOrigins ?? []).map((entry) => new URL(entry).origin)]);
  const { store, livekit } = options;
  const settings = options.settings ?? { ...DEFAULT_MEET_SETTINGS };
  const roomService = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  const tokenVerifier = new TokenVerifier(livekit.apiKey, livekit.apiSecret);
  const paths = meetApiOidcPaths(origin);
  const relyingParty = new OidcRelyingParty({
    issuer: options.oidc.issuer,
    clientId: options.oidc.clientId,
    clientSecret: options.oidc.clientSecret,
    redirectUri: paths.redirectUri,
    postLogoutRedirectUri: paths.postLogoutRedirectUri,
  });
  const lobby = new Lobby();
  const recordings = new Map<string, RecordingState>();
  const filesApi = createFilesApi({
    origin,
    directory: options.storageDir,
    isEnabled: () => settings.fileUpload,
    sessionUser: (context) => sessionUser(context),
    currentUser: (context) => (context as ApiContext).user,
    userById: (id) => store.userById(id),
  });
  /** Metadata writes of one room, chained so a read-merge-write never loses another's change. */
  const metadataQueues = new Map<string, Promise<void>>();

  // --- LiveKit side effects

  function mergeRoomMetadata(roomName: string, values: Record<string, unknown>, removeKeys: string[] = []): Promise<void> {
    const previous = metadataQueues.get(roomName) ?? Promise.resolve();
    const next = previous.then(async () => {
      const [liveRoom] = await roomService.listRooms([roomName]);
      if (!liveRoom) return;
      const metadata = parseMetadata(liveRoom.metadata);
      for (const key of removeKeys) delete metadata[key];
      await roomService.updateRoomMetadata(roomName, JSON.stringify({ ...metadata, ...values }));
    });
    const settled = next.catch(() => undefined);
    metadataQueues.set(roomName, settled);
    void settled.then(() => {
      if (metadataQueues.get(roomName) === settled) metadataQueues.delete(roomName);
    });
    return next;
  }

  async function notifyRoom(roomName: string, notification: { type: string; data?: unknown }): Promise<void> {
    try {
      const [liveRoom] = await roomService.listRooms([roomName]);
      if (!liveRoom) return;
      await roomService.sendData(roomName, new TextEncoder().encode(JSON.stringify(notification)), DataPacket_Kind.RELIABLE, {});
    } catch {
      // No room yet, or LiveKit restarting: nobody to notify, as upstream.
    }
  }

  /** Whether `identity` is connected to the LiveKit room of `room` right now. */
  async function isPresent(room: StoredRoom, identity: string): Promise<boolean> {
    try {
      await roomService.getParticipant(room.id, identity);
      return true;
    } catch {
      return false;
    }
  }

  // --- authentication

  function roleOf(room: StoredRoom, user: StoredUser | undefined): StoredRoomRole | undefined {
    return user ? room.accesses[user.id] : undefined;
  }

  /** DRF's SessionAuthentication + IsAuthenticated: a logged-in session, CSRF-checked when unsafe. */
  function sessionUser(context: ApiContext): StoredUser {
    if (!context.user) throw notAuthenticated();
    checkCsrf(context, trustedOrigins);
    return context.user;
  }

  function requirePrivileges(room: StoredRoom, user: StoredUser, text: string = TEXT.privilegesRequired): void {
    if (!isRoomAdministratorRole(roleOf(room, user))) throw detailError(403, text);
  }

  /**
   * Meet's LiveKit-token authentication: no header is an anonymous caller (undefined), any
   * other scheme or a token that does not verify is refused at once.
   */
  async function bearerClaims(context: ApiContext): Promise<{ sub?: string; video?: { room?: string; roomAdmin?: boolean } } | undefined> {
    const header = context.request.headers.authorization;
    if (header === undefined) return undefined;
    const [scheme, token, ...rest] = header.trim().split(/\s+/);
    if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) {
      throw detailError(403, 'Authorization header must be: Bearer <token>');
    }
    if (token.split('.').length !== 3) throw detailError(403, 'Invalid LiveKit token: Not enough segments');
    try {
      return await tokenVerifier.verify(token);
    } catch (error) {
      throw detailError(403, `Invalid LiveKit token: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The Bearer caller of a room's action: authenticated, for this room. */
  function bearerCaller(claims: Awaited<ReturnType<typeof bearerClaims>>, room: StoredRoom): BearerCaller {
    if (!claims) throw detailError(403, TEXT.notAuthenticated);
    if (claims.video?.room !== room.id || !claims.sub) throw detailError(403, TEXT.permissionDenied);
    return { identity: claims.sub, admin: claims.video.roomAdmin === true };
  }

  function safeReturnTo(candidate: string | null): string {
    if (!candidate) return `${origin}/`;
    try {
      const target = new URL(candidate, origin);
      if (trustedOrigins.has(target.origin)) return target.toString();
    } catch {
      // falls through to the default
    }
    return `${origin}/`;
  }

  // --- serialization

  /** The identity Meet gives a participant: the user's OIDC subject, else the lobby id, else a fresh one. */
  function identityOf(user: StoredUser | undefined, lobbyId?: string): string {
    return user?.sub ?? lobbyId ?? randomUUID();
  }

  async function participantToken(
    roomName: string,
    role: StoredRoomRole | null,
    user: StoredUser | undefined,
    username: string | null,
    identity: string,
    publishSources?: readonly string[],
    color?: string,
  ): Promise<string> {
    return mintParticipantToken({
      apiKey: livekit.apiKey,
      apiSecret: livekit.apiSecret,
      room: roomName,
      identity,
      name: username || user?.fullName || 'Anonymous',
      color: color ?? colorForIdentity(identity),
      role,
      isAuthenticated: user !== undefined,
      publishSources,
    });
  }

  async function livekitGrant(room: StoredRoom, user: StoredUser | undefined, username: string | null, identity: string, color?: string) {
    const sources = Array.isArray(room.configuration.can_publish_sources)
      ? (room.configuration.can_publish_sources as unknown[]).filter((source): source is string => typeof source === 'string')
      : undefined;
    return {
      url: livekit.url,
      room: room.id,
      token: await participantToken(room.id, roleOf(room, user) ?? null, user, username, identity, sources, color),
    };
  }

  function canEnterDirectly(room: StoredRoom, user: StoredUser | undefined): boolean {
    return room.accessLevel === 'public' || (room.accessLevel === 'trusted' && user !== undefined) || roleOf(room, user) !== undefined;
  }

  function serializeUser(user: StoredUser) {
    return {
      id: user.id,
      email: user.email,
      full_name: user.fullName,
      short_name: user.shortName,
      timezone: user.timezone,
      language: user.language,
      default_room_access_level: user.defaultRoomAccessLevel ?? null,
      default_room_configuration: {},
    };
  }

  /** A stable UUID for the (room, user) access, as Meet's ResourceAccess rows have one. */
  function accessId(room: StoredRoom, userId: string): string {
    const hex = createHash('sha1').update(`${room.id}/${userId}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  async function serializeRoom(room: StoredRoom, user: StoredUser | undefined, username: string | null) {
    const body: Record<string, unknown> = {
      id: room.id,
      name: room.name,
      slug: room.slug,
      configuration: room.configuration,
      access_level: room.accessLevel,
    };
    // As Meet: whoever must wait in the lobby learns neither the grant nor the PIN.
    const entering = canEnterDirectly(room, user);
    if (entering) body.pin_code = options.telephony ? (store.ensurePinCode(room) ?? null) : (room.pinCode ?? null);
    if (isRoomAdministratorRole(roleOf(room, user))) {
      // Newest first, as Meet lists a room's accesses.
      body.accesses = Object.entries(room.accesses).reverse().flatMap(([userId, role]) => {
        const member = store.userById(userId);
        return member ? [{ id: accessId(room, userId), user: serializeUser(member), resource: room.id, role }] : [];
      });
    }
    if (entering) body.livekit = await livekitGrant(room, user, username, identityOf(user));
    return body;
  }

  /** What Meet answers for a room nobody created, with ALLOW_UNREGISTERED_ROOMS. */
  async function serializeUnregisteredRoom(slug: string, user: StoredUser | undefined, username: string | null) {
    return {
      id: null,
      slug,
      is_administrable: false,
      access_level: 'public',
      livekit: { url: livekit.url, room: slug, token: await participantToken(slug, null, user, username, identityOf(user)) },
    };
  }

  function serializeLobbyEntry(entry: LobbyEntry, grant: unknown) {
    return { status: entry.status, username: entry.username, id: entry.id, color: entry.color, livekit: grant ?? null };
  }

  /** A room by its UUID or its slug (slugified first, as Meet looks it up). */
  function findRoom(key: string): StoredRoom | undefined {
    let decoded = key;
    try {
      decoded = decodeURIComponent(key);
    } catch {
      // kept as sent
    }
    return UUID_PATTERN.test(decoded) ? store.findRoom(decoded.toLowerCase()) : store.findRoom(slugify(decoded));
  }

  function findRoomOr404(key: string): StoredRoom {
    const room = findRoom(key);
    if (!room) throw detailError(404, TEXT.roomNotFound);
    return room;
  }

  // --- endpoints

  function config() {
    return {
      LANGUAGE_CODE: 'en-us',
      recording: { is_enabled: true, available_modes: [...RECORDING_MODES], expiration_days: null, max_duration: null },
      background_image: backgroundImageConfig(settings.fileUpload),
      telephony: options.telephony
        ? {
            enabled: true,
            default_country: options.telephony.defaultCountry,
            international_phone_number: options.telephony.internationalPhoneNumber,
          }
        : { enabled: false },
      resource: { default_access_level: 'public' },
      subtitle: { enabled: settings.subtitles },
      diagnostics: { connection_test_enabled: settings.connectionTest },
      livekit: {
        url: livekit.url,
        force_wss_protocol: false,
        enable_firefox_proxy_workaround: false,
        default_sources: [...DEFAULT_PUBLISH_SOURCES],
      },
      authenticated_users_can_edit_display_name: true,
      custom_css_url: null,
      analytics: {},
      support: {},
      silence_livekit_debug_logs: false,
      is_silent_login_enabled: true,
      idle_disconnect_warning_delay: null,
      feedback: {},
      documentation_url: null,
      external_home_url: null,
      use_french_gov_footer: false,
      use_proconnect_button: false,
      manifest_link: null,
      transcription_destination: null,
      max_participants_for_sound: 5,
      auto_mute_on_join_threshold: 50,
    };
  }

  function sessionCookie(id: string): string {
    return cookie(SESSION_COOKIE, id, { maxAgeSeconds: SESSION_TTL_SECONDS, httpOnly: true, secure: secureCookies });
  }

  async function handleAuthentication(context: ApiContext, route: string): Promise<boolean> {
    const { url } = context;
    if (route === 'authenticate/' && context.method === 'GET') {
      const returnTo = safeReturnTo(url.searchParams.get('returnTo') ?? url.searchParams.get('next'));
      // Like Django, the login in progress gets an (anonymous) session of its own.
      context.setCookies.push(sessionCookie(randomBytes(24).toString('hex')));
      const silent = url.searchParams.get('silent') === 'true';
      redirect(context, await relyingParty.authorizationUrl(returnTo, silent));
      return true;
    }
    if (route === 'callback/' && context.method === 'GET') {
      const abandoned = url.searchParams.has('error') ? relyingParty.abandonLogin(url.searchParams.get('state')) : undefined;
      if (abandoned) {
        redirect(context, abandoned);
        return true;
      }
      let result;
      try {
        result = await relyingParty.finishLogin(url);
      } catch {
        sendBadRequestPage(context);
        return true;
      }
      const known = TEST_USERS.find((candidate) => candidate.sub === result.identity.sub);
      const user = store.upsertUserFromClaims(result.identity, known?.defaultRoomAccessLevel ?? null);
      const session: StoredSession = {
        id: randomBytes(24).toString('hex'),
        userId: user.id,
        csrfToken: randomBytes(24).toString('hex'),
        idToken: result.identity.idToken,
        expiresAt: Date.now() + SESSION_TTL_SECONDS * 1_000,
      };
      store.addSession(session);
      context.setCookies.push(
        cookie(CSRF_COOKIE, session.csrfToken, { maxAgeSeconds: CSRF_TTL_SECONDS, httpOnly: false, secure: secureCookies }),
        sessionCookie(session.id),
      );
      redirect(context, result.returnTo);
      return true;
    }
    if (route === 'logout/' && (context.method === 'GET' || context.method === 'POST')) {
      const returnTo = url.searchParams.has('returnTo') ? safeReturnTo(url.searchParams.get('returnTo')) : origin;
      if (!context.session) {
        context.setCookies.push(deletedCookie(SESSION_COOKIE));
        redirect(context, returnTo);
        return true;
      }
      // The session lives on until the provider sends the browser back to logout-callback/.
      context.setCookies.push(sessionCookie(context.session.id));
      redirect(context, await relyingParty.endSessionUrl(context.session.idToken, returnTo, context.session.id));
      return true;
    }
    if (route === 'logout-callback/' && context.method === 'GET') {
      // As Meet's OIDCLogoutCallbackView: the session ends only with the state of its own logout.
      const state = url.searchParams.get('state');
      if (!context.session || state === null) {
        redirect(context, origin);
        return true;
      }
      const returnTo = relyingParty.finishLogout(state, context.session.id);
      if (returnTo === undefined) {
        sendBadRequestPage(context);
        return true;
      }
      store.deleteSession(context.session.id);
      context.setCookies.push(deletedCookie(SESSION_COOKIE));
      redirect(context, returnTo);
      return true;
    }
    return false;
  }

  async function requestEntry(context: ApiContext, room: StoredRoom): Promise<void> {
    if (context.user) checkCsrf(context, trustedOrigins);
    const fields = await readRequestFields(context.request);
    const username = requiredText(fields, 'username');
    const participantId = context.cookies.get(LOBBY_COOKIE) || randomUUID();
    context.setCookies.push(cookie(LOBBY_COOKIE, participantId, { httpOnly: true, secure: secureCookies }));
    const identity = identityOf(context.user, participantId);
    let entry = lobby.get(room.id, participantId);
    if (canEnterDirectly(room, context.user)) {
      const color = entry?.color ?? colorForIdentity(participantId);
      const accepted: LobbyEntry = { id: participantId, username, color, status: 'accepted' };
      sendJson(context, 200, serializeLobbyEntry(accepted, await livekitGrant(room, context.user, username, identity, color)));
      return;
    }
    let grant = null;
    if (!entry) {
      entry = lobby.enter(room.id, participantId, username);
      await notifyRoom(room.id, { type: 'participantWaiting' });
    } else if (entry.status === 'waiting') {
      lobby.refresh(room.id, participantId);
    } else if (entry.status === 'accepted') {
      grant = await livekitGrant(room, context.user, username, identity, entry.color);
    }
    sendJson(context, 200, serializeLobbyEntry(entry, grant));
  }

  async function decideEntry(context: ApiContext, room: StoredRoom, user: StoredUser): Promise<void> {
    requirePrivileges(room, user);
    const fields = await readRequestFields(context.request);
    const errors: Record<string, string> = {};
    const participantId = fields.participant_id;
    if (participantId === undefined || participantId === null) errors.participant_id = TEXT.required;
    else if (typeof participantId !== 'string' || !UUID_PATTERN.test(participantId)) errors.participant_id = 'Must be a valid UUID.';
    if (fields.allow_entry === undefined || fields.allow_entry === null) errors.allow_entry = TEXT.required;
    else if (typeof fields.allow_entry !== 'boolean') errors.allow_entry = 'Must be a valid boolean.';
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    if (room.accessLevel === 'public') throw new HttpError(404, { message: 'Room has no lobby system.' });
    if (!lobby.decide(room.id, String(participantId).toLowerCase(), fields.allow_entry === true)) {
      throw new HttpError(404, { message: 'Participant not found.' });
    }
    sendJson(context, 200, { message: 'Participant was updated.' });
  }

  /** toggle-hand and rename: the caller's own participant, by its LiveKit token. */
  async function updateSelf(context: ApiContext, room: StoredRoom, caller: BearerCaller, action: 'toggle-hand' | 'rename'): Promise<void> {
    const fields = await readRequestFields(context.request);
    let change: { attributes?: Record<string, string>; name?: string };
    if (action === 'toggle-hand') {
      if (fields.raised === undefined || fields.raised === null) throw fieldErrors({ raised: TEXT.required });
      if (typeof fields.raised !== 'boolean') throw fieldErrors({ raised: 'Must be a valid boolean.' });
      change = { attributes: { handRaisedAt: fields.raised ? new Date().toISOString() : '' } };
    } else {
      const name = requiredText(fields, 'name');
      if (name.length > NAME_MAX_LENGTH) throw fieldErrors({ name: `Ensure this field has no more than ${NAME_MAX_LENGTH} characters.` });
      change = { name };
    }
    if (!(await isPresent(room, caller.identity))) throw actionError(404, 'Participant not found');
    // Meet writes the participant metadata along (the JSON of its empty value).
    await roomService.updateParticipant(room.id, caller.identity, { metadata: 'null', ...change });
    sendJson(context, 200, { status: 'success' });
  }

  async function muteParticipant(context: ApiContext, room: StoredRoom): Promise<void> {
    const claims = await bearerClaims(context);
    if (claims) {
      const caller = bearerCaller(claims, room);
      if (!(await isPresent(room, caller.identity))) throw actionError(403, 'Could not verify caller presence');
      if (!caller.admin && room.configuration.everyone_can_mute === false) throw detailError(403, TEXT.permissionDenied);
    } else {
      if (!context.user) throw detailError(403, TEXT.notAuthenticated);
      checkCsrf(context, trustedOrigins);
      requirePrivileges(room, context.user, TEXT.permissionDenied);
    }
    const fields = await readRequestFields(context.request);
    const errors: Record<string, string> = {};
    for (const name of ['participant_identity', 'track_sid']) {
      if (typeof fields[name] !== 'string' || (fields[name] as string).trim() === '') errors[name] = fields[name] === undefined ? TEXT.required : TEXT.blank;
    }
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    const identity = String(fields.participant_identity);
    if (!(await isPresent(room, identity))) throw actionError(500, 'Failed to mute participant');
    try {
      await roomService.mutePublishedTrack(room.id, identity, String(fields.track_sid), true);
    } catch (error) {
      // An unknown track of a present participant is no failure for Meet.
      if (!/not found|does not exist/i.test(error instanceof Error ? error.message : String(error))) {
        throw actionError(500, 'Failed to mute participant');
      }
    }
    sendJson(context, 200, { status: 'success' });
  }

  async function removeParticipant(context: ApiContext, room: StoredRoom, user: StoredUser): Promise<void> {
    requirePrivileges(room, user);
    const fields = await readRequestFields(context.request);
    const identity = requiredText(fields, 'participant_identity');
    try {
      await roomService.removeParticipant(room.id, identity);
    } catch {
      throw actionError(404, 'Participant not found');
    }
    // Meet clears the removed guest's lobby entry: a new poll waits again.
    lobby.remove(room.id, identity);
    sendJson(context, 200, { status: 'success' });
  }

  async function updateParticipant(context: ApiContext, room: StoredRoom, user: StoredUser): Promise<void> {
    requirePrivileges(room, user);
    const fields = await readRequestFields(context.request);
    let update;
    try {
      update = parseParticipantUpdate(fields);
    } catch (error) {
      if (error instanceof ParticipantUpdateError) throw detailError(400, error.message);
      throw error;
    }
    if (!(await isPresent(room, update.identity))) throw actionError(404, 'Participant not found');
    await roomService.updateParticipant(room.id, update.identity, {
      ...(update.metadata === undefined ? {} : { metadata: update.metadata }),
      ...(update.attributes === undefined ? {} : { attributes: update.attributes }),
      ...(update.permission === undefined ? {} : { permission: update.permission }),
      ...(update.name === undefined ? {} : { name: update.name }),
    });
    sendJson(context, 200, { status: 'success' });
  }

  async function updateParticipantRole(context: ApiContext, room: StoredRoom, user: StoredUser): Promise<void> {
    requirePrivileges(room, user);
    if (!(await isPresent(room, user.sub))) throw detailError(403, 'You must be connected to the meeting to perform this action.');
    const fields = await readRequestFields(context.request);
    const identity = requiredText(fields, 'participant_identity');
    const role = fields.role;
    if (role === undefined || role === null) throw fieldErrors({ role: TEXT.required });
    if (role !== 'member' && role !== 'administrator') throw fieldErrors({ role: `"${String(role)}" is not a valid choice.` });
    if (identity === user.sub) throw actionError(403, 'You cannot change your own role.');
    if (!(await isPresent(room, identity))) throw actionError(404, 'Participant is not connected to this meeting.');
    const target = store.userBySub(identity);
    if (!target) throw actionError(404, 'This participant has no user account and cannot be assigned a role.');
    if (room.accesses[target.id] === 'owner') throw actionError(403, 'Room owners cannot be demoted.');
    store.updateRoom(room, { accesses: { ...room.accesses, [target.id]: role } });
    await roomService.updateParticipant(room.id, identity, { metadata: 'null', attributes: { room_role: role } });
    sendJson(context, 200, { role, livekit_synced: true });
  }

  async function startRecording(context: ApiContext, room: StoredRoom, user: StoredUser): Promise<void> {
    requirePrivileges(room, user);
    const fields = await readRequestFields(context.request);
    const mode = fields.mode;
    const recordingOptions = fields.options ?? {};
    const validOptions =
      typeof recordingOptions === 'object' && recordingOptions !== null && !Array.isArray(recordingOptions) &&
      Object.keys(recordingOptions).every((key) => RECORDING_OPTION_KEYS.has(key));
    if (!RECORDING_MODES.includes(mode as (typeof RECORDING_MODES)[number]) || !validOptions) {
      throw detailError(400, 'Invalid request.');
    }
    if (recordings.has(room.id)) throw actionError(409, `A recording is already in progress for room ${room.slug}`);
    const state: RecordingState = { mode: mode as RecordingState['mode'] };
    recordings.set(room.id, state);
    if (settings.recorder === 'none') {
      // The egress never answers: Meet waits for it, then gives up; the room metadata stays untouched.
      state.pending = true;
      await sleep(settings.recorderFailureDelayMs);
      if (recordings.get(room.id) === state) recordings.delete(room.id);
      throw actionError(502, `Recording failed to start for room ${room.slug}`);
    }
    await mergeRoomMetadata(room.id, { recording_mode: state.mode, recording_status: 'starting' }).catch(() => undefined);
    // "started" follows after a moment, like a real recorder warming up.
    state.timer = setTimeout(() => {
      if (recordings.get(room.id) === state) void mergeRoomMetadata(room.id, { recording_status: 'started' }).catch(() => undefined);
    }, RECORDING_STEP_MS);
    sendJson(context, 201, { message: `Recording successfully started for room ${room.slug}` });
  }

  async function stopRecording(context: ApiContext, room: StoredRoom, user: StoredUser): Promise<void> {
    requirePrivileges(room, user);
    const state = recordings.get(room.id);
    if (!state || state.pending) throw detailError(404, 'No active recording found for this room.');
    clearTimeout(state.timer);
    await mergeRoomMetadata(room.id, { recording_status: 'saving' }).catch(() => undefined);
    state.timer = setTimeout(() => {
      recordings.delete(room.id);
      void mergeRoomMetadata(room.id, {}, ['recording_mode', 'recording_status']).catch(() => undefined);
    }, RECORDING_STEP_MS);
    sendJson(context, 200, { message: `Recording stopped for room ${room.slug}` });
  }

  async function startSubtitle(context: ApiContext, room: StoredRoom): Promise<void> {
    const claims = await bearerClaims(context);
    if (!settings.subtitles) throw detailError(404, TEXT.notFound);
    bearerCaller(claims, room);
    sendJson(context, 200, { status: 'success' });
  }

  const SESSION_ACTIONS: Record<string, (context: ApiContext, room: StoredRoom, user: StoredUser) => Promise<void>> = {
    enter: decideEntry,
    'remove-participant': removeParticipant,
    'update-participant': updateParticipant,
    'update-participant-role': updateParticipantRole,
    'start-recording': startRecording,
    'stop-recording': stopRecording,
  };

  async function handleRoomAction(context: ApiContext, key: string, action: string): Promise<void> {
    const { method } = context;
    if (action === 'waiting-participants') {
      if (method !== 'GET') throw methodNotAllowed(method);
      const user = sessionUser(context);
      const room = findRoomOr404(key);
      requirePrivileges(room, user);
      sendJson(context, 200, { participants: lobby.waiting(room.id).map(({ status, username, id, color }) => ({ status, username, id, color })) });
      return;
    }
    if (method !== 'POST') throw methodNotAllowed(method);
    const sessionAction = SESSION_ACTIONS[action];
    if (sessionAction) {
      const user = sessionUser(context);
      await sessionAction(context, findRoomOr404(key), user);
      return;
    }
    switch (action) {
      case 'request-entry':
        await requestEntry(context, findRoomOr404(key));
        return;
      case 'toggle-hand':
      case 'rename': {
        const claims = await bearerClaims(context);
        const room = findRoomOr404(key);
        await updateSelf(context, room, bearerCaller(claims, room), action);
        return;
      }
      case 'mute-participant':
        await muteParticipant(context, findRoomOr404(key));
        return;
      case 'start-subtitle':
        await startSubtitle(context, findRoomOr404(key));
        return;
      default:
        throw detailError(404, TEXT.notFound);
    }
  }

  function methodNotAllowed(method: string): HttpError {
    return detailError(405, `Method "${method}" not allowed.`);
  }

  async function listRooms(context: ApiContext): Promise<void> {
    const { url, user } = context;
    if (!user) {
      sendJson(context, 200, { count: 0, next: null, previous: null, results: [] });
      return;
    }
    const page = paginate(url, origin, store.roomsOf(user.id));
    sendJson(context, 200, {
      count: page.count,
      next: page.next,
      previous: page.previous,
      results: await Promise.all(page.items.map((room) => serializeRoom(room, user, null))),
    });
  }

  async function createRoom(context: ApiContext): Promise<void> {
    const user = sessionUser(context);
    const fields = await readRequestFields(context.request);
    const name = requiredText(fields, 'name');
    const slug = slugify(name);
    if (!slug) throw fieldErrors({ slug: TEXT.blank });
    if (store.findRoom(slug)) throw fieldErrors({ slug: 'Room with this Slug already exists.' });
    const requestedLevel = fields.access_level;
    if (requestedLevel !== undefined && !ACCESS_LEVELS.includes(requestedLevel as StoredAccessLevel)) {
      throw fieldErrors({ access_level: `"${String(requestedLevel)}" is not a valid choice.` });
    }
    const configuration = fields.configuration ?? {};
    const problems = roomConfigurationProblems(configuration);
    if (problems.length > 0) throw configurationErrors(problems);
    const accessLevel = (requestedLevel as StoredAccessLevel | undefined) ?? user.defaultRoomAccessLevel ?? 'public';
    const room = store.createRoom(slug, user.id, accessLevel, { name, configuration: configuration as Record<string, unknown> });
    sendJson(context, 201, await serializeRoom(room, user, context.url.searchParams.get('username')));
  }

  async function updateRoom(context: ApiContext, key: string): Promise<void> {
    const user = sessionUser(context);
    const room = findRoomOr404(key);
    requirePrivileges(room, user, TEXT.permissionDenied);
    const fields = await readRequestFields(context.request);
    const change: Partial<Pick<StoredRoom, 'accessLevel' | 'configuration'>> = {};
    if (fields.access_level !== undefined) {
      if (!ACCESS_LEVELS.includes(fields.access_level as StoredAccessLevel)) {
        throw fieldErrors({ access_level: `"${String(fields.access_level)}" is not a valid choice.` });
      }
      change.accessLevel = fields.access_level as StoredAccessLevel;
    }
    if (fields.configuration !== undefined) {
      const problems = roomConfigurationProblems(fields.configuration);
      if (problems.length > 0) throw configurationErrors(problems);
      // Replaced whole, like upstream's serializer: clients send every key they keep.
      change.configuration = fields.configuration as Record<string, unknown>;
    }
    const before = JSON.stringify([room.accessLevel, room.configuration]);
    store.updateRoom(room, change);
    // Meet tells the live room only about a real change.
    if (JSON.stringify([room.accessLevel, room.configuration]) !== before) {
      await mergeRoomMetadata(room.id, { configuration: room.configuration, access_level: room.accessLevel }).catch(() => undefined);
    }
    sendJson(context, 200, await serializeRoom(room, user, context.url.searchParams.get('username')));
  }

  async function retrieveRoom(context: ApiContext, key: string): Promise<void> {
    const username = context.url.searchParams.get('username');
    const room = findRoom(key);
    if (room) {
      sendJson(context, 200, await serializeRoom(room, context.user, username));
      return;
    }
    if (!settings.allowUnregisteredRooms) throw detailError(404, TEXT.roomNotFound);
    let decoded = key;
    try {
      decoded = decodeURIComponent(key);
    } catch {
      // kept as sent
    }
    const slug = UUID_PATTERN.test(decoded) ? decoded.toLowerCase() : slugify(decoded);
    if (!slug) throw detailError(404, TEXT.roomNotFound);
    sendJson(context, 200, await serializeUnregisteredRoom(slug, context.user, username));
  }

  async function handleRooms(context: ApiContext, segments: string[]): Promise<void> {
    const { method } = context;
    const [key, action, ...rest] = segments;
    if (key === undefined) {
      if (method === 'GET') await listRooms(context);
      else if (method === 'POST') await createRoom(context);
      else throw methodNotAllowed(method);
      return;
    }
    if (rest.length > 0) throw detailError(404, TEXT.notFound);
    if (action !== undefined) {
      await handleRoomAction(context, key, action);
      return;
    }
    if (method === 'GET') await retrieveRoom(context, key);
    else if (method === 'PATCH' || method === 'PUT') await updateRoom(context, key);
    else throw methodNotAllowed(method);
  }

  async function updateUser(context: ApiContext, id: string): Promise<void> {
    const user = sessionUser(context);
    if (id !== user.id) throw detailError(403, TEXT.permissionDenied);
    const fields = await readRequestFields(context.request);
    const change: Parameters<JsonStore['updateUser']>[1] = {};
    const errors: Record<string, string> = {};
    if (fields.language !== undefined) {
      if (typeof fields.language === 'string' && fields.language !== '') change.language = fields.language;
      else errors.language = `"${String(fields.language)}" is not a valid choice.`;
    }
    if (fields.timezone !== undefined) {
      if (typeof fields.timezone === 'string' && fields.timezone !== '') change.timezone = fields.timezone;
      else errors.timezone = `"${String(fields.timezone)}" is not a valid choice.`;
    }
    if (fields.default_room_access_level !== undefined) {
      const level = fields.default_room_access_level;
      if (level === null || ACCESS_LEVELS.includes(level as StoredAccessLevel)) change.defaultRoomAccessLevel = level as StoredAccessLevel | null;
      else errors.default_room_access_level = `"${String(level)}" is not a valid choice.`;
    }
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    sendJson(context, 200, serializeUser(store.updateUser(user, change)));
  }

  async function connectionTest(context: ApiContext): Promise<void> {
    if (context.user) checkCsrf(context, trustedOrigins);
    if (!settings.connectionTest) throw detailError(404, TEXT.notFound);
    const roomName = `connection-test-${randomUUID()}`;
    const identity = identityOf(context.user);
    const token = await mintParticipantToken({
      apiKey: livekit.apiKey,
      apiSecret: livekit.apiSecret,
      room: roomName,
      identity,
      name: identity,
      color: colorForIdentity(identity),
      role: null,
      isAuthenticated: context.user !== undefined,
      ttlSeconds: CONNECTION_TEST_TTL_SECONDS,
    });
    sendJson(context, 200, { livekit: { url: livekit.url, room: roomName, token, expires_in: CONNECTION_TEST_TTL_SECONDS } });
  }

  async function handleApi(context: ApiContext, route: string): Promise<void> {
    const { method } = context;
    if (route === 'config/') {
      if (method !== 'GET') throw methodNotAllowed(method);
      sendJson(context, 200, config());
      return;
    }
    if (await handleAuthentication(context, route)) return;
    const segments = route.split('/').filter((segment) => segment !== '');
    if (route === 'users/me/') {
      if (method !== 'GET') throw methodNotAllowed(method);
      if (!context.user) throw notAuthenticated();
      sendJson(context, 200, serializeUser(context.user));
      return;
    }
    if (segments[0] === 'users' && segments.length === 2) {
      if (method !== 'PUT' && method !== 'PATCH') throw methodNotAllowed(method);
      await updateUser(context, segments[1] ?? '');
      return;
    }
    if (route === 'diagnostics/connection/') {
      if (method !== 'POST') throw methodNotAllowed(method);
      await connectionTest(context);
      return;
    }
    if (segments[0] === 'rooms') {
      await handleRooms(context, segments.slice(1));
      return;
    }
    if (segments[0] === 'files') {
      await filesApi.handle(context, segments.slice(1));
      return;
    }
    throw detailError(404, TEXT.notFound);
  }

  function authenticate(context: ApiContext): void {
    const sessionId = context.cookies.get(SESSION_COOKIE);
    const session = sessionId ? store.session(sessionId) : undefined;
    if (session) {
      context.session = session;
      context.user = store.userById(session.userId);
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const method = (request.method ?? 'GET').toUpperCase();
    if (serveCalendarFeed(request, response, origin)) return;
    const cookies = parseCookies(request.headers.cookie);
    const context: ApiContext = { request, response, method, url, cookies, setCookies: [] };
    if (!url.pathname.startsWith(API_PREFIX)) {
      authenticate(context);
      if (await filesApi.serveStorage(context)) return;
      await serveWebApp(options.webRoot, url.pathname, method, response);
      return;
    }
    if (!url.pathname.endsWith('/')) {
      // Django's APPEND_SLASH, as Meet runs it in production.
      redirect(context, `${url.pathname}/${url.search}`, 301);
      return;
    }
    authenticate(context);
    try {
      await handleApi(context, url.pathname.slice(API_PREFIX.length));
    } catch (error) {
      if (response.headersSent) return;
      if (error instanceof HttpError) sendError(context, error);
      else if (error instanceof RequestBodyError) sendJson(context, 400, { detail: error.message });
      else sendJson(context, 500, { detail: `Server error: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK_HOST, () => resolve());
  });

  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const state of recordings.values()) clearTimeout(state.timer);
        recordings.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
