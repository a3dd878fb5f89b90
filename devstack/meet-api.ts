// A LaSuite-Meet-compatible API (../shared/meet-api.md) on loopback, backed by the real LiveKit
// server and identity provider of the stack. It also serves the web app, since on a real
// instance one origin serves both.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DataPacket_Kind, RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import { serveCalendarFeed } from './calendar-feed';
import { LOOPBACK_HOST } from './free-port';
import { Lobby, type LobbyEntry } from './lobby';
import {
  colorForIdentity,
  DEFAULT_PUBLISH_SOURCES,
  isRoomAdministratorRole,
  mintParticipantToken,
} from './livekit-tokens';
import { OidcRelyingParty } from './oidc-relying-party';
import { parseParticipantUpdate, parseRoomConfiguration, ParticipantUpdateError } from './participant-update';
import { readRequestFields, RequestBodyError } from './request-body';
import { serveWebApp } from './static-files';
import type { JsonStore, StoredAccessLevel, StoredRoom, StoredRoomRole, StoredSession, StoredUser } from './store';

export const API_PREFIX = '/api/v1.0/';
export const SESSION_COOKIE = 'sessionid';
export const CSRF_COOKIE = 'csrftoken';
export const LOBBY_COOKIE = 'lobbyParticipantId';

const SESSION_TTL_SECONDS = 12 * 60 * 60;
const SLUG_PATTERN = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;
const ACCESS_LEVELS: readonly StoredAccessLevel[] = ['public', 'trusted', 'restricted'];
const RECORDING_MODES = ['screen_recording', 'transcript'] as const;
const RECORDING_STEP_MS = 1_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

interface RequestContext {
  request: IncomingMessage;
  response: ServerResponse;
  method: string;
  url: URL;
  cookies: Map<string, string>;
  session?: StoredSession;
  user?: StoredUser;
  /** Set-Cookie values gathered while handling. */
  setCookies: string[];
}

interface RecordingState {
  mode: (typeof RECORDING_MODES)[number];
  timer?: NodeJS.Timeout;
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    try {
      if (name) cookies.set(name, decodeURIComponent(value));
    } catch {
      // a malformed cookie is ignored, like a browser would
    }
  }
  return cookies;
}

function cookie(name: string, value: string, options: { maxAgeSeconds: number; httpOnly: boolean }): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    `Max-Age=${options.maxAgeSeconds}`,
    'SameSite=Lax',
    ...(options.httpOnly ? ['HttpOnly'] : []),
  ].join('; ');
}

function sendJson(context: RequestContext, status: number, body: unknown): void {
  const headers: Record<string, string | string[]> = {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    vary: 'Cookie',
  };
  if (context.setCookies.length > 0) headers['set-cookie'] = context.setCookies;
  context.response.writeHead(status, headers);
  context.response.end(status === 204 ? undefined : JSON.stringify(body));
}

function redirect(context: RequestContext, location: string): void {
  const headers: Record<string, string | string[]> = { location, 'cache-control': 'no-store' };
  if (context.setCookies.length > 0) headers['set-cookie'] = context.setCookies;
  context.response.writeHead(302, headers);
  context.response.end();
}

function requireString(fields: Record<string, unknown>, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value.trim() === '') throw new HttpError(400, `Le champ « ${name} » est requis.`);
  return value.trim();
}

/** Runs a body check, its refusal becoming a 400 with the reason. */
function validated<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ParticipantUpdateError) throw new HttpError(400, error.message);
    throw error;
  }
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

export async function startMeetApi(options: MeetApiOptions): Promise<MeetApi> {
  const origin = `http://${LOOPBACK_HOST}:${options.port}`;
  const trustedOrigins = new Set([origin, ...(options.allowedOrigins ?? []).map((entry) => new URL(entry).origin)]);
  const { store, livekit } = options;
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
  /** Participant identity → user id, for role changes of logged-in participants. */
  const identityUsers = new Map<string, string>();
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

  async function livekitCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/not found|does not exist/i.test(message)) throw new HttpError(404, `Participant ou piste introuvable : ${message}`);
      throw new HttpError(503, `Serveur LiveKit injoignable : ${message}`);
    }
  }

  // --- authentication

  function roleOf(room: StoredRoom, user: StoredUser | undefined): StoredRoomRole | undefined {
    return user ? room.accesses[user.id] : undefined;
  }

  function requireUser(context: RequestContext): StoredUser {
    if (!context.user) throw new HttpError(401, "Les informations d'authentification n'ont pas été fournies.");
    return context.user;
  }

  function requireAdministrator(context: RequestContext, room: StoredRoom): StoredUser {
    const user = requireUser(context);
    if (!isRoomAdministratorRole(roleOf(room, user))) {
      throw new HttpError(403, "Vous n'avez pas la permission d'effectuer cette action.");
    }
    return user;
  }

  /** Django's CSRF rule for session-authenticated unsafe requests. */
  function checkCsrf(context: RequestContext): void {
    if (SAFE_METHODS.has(context.method) || !context.session) return;
    const requestOrigin = context.request.headers.origin;
    if (requestOrigin !== undefined && !trustedOrigins.has(requestOrigin)) {
      throw new HttpError(403, `CSRF Failed: Origin checking failed - ${requestOrigin} does not match any trusted origins.`);
    }
    const cookieToken = context.cookies.get(CSRF_COOKIE);
    if (!cookieToken) throw new HttpError(403, 'CSRF Failed: CSRF cookie not set.');
    const headerToken = context.request.headers['x-csrftoken'];
    if (typeof headerToken !== 'string' || headerToken === '') {
      throw new HttpError(403, 'CSRF Failed: CSRF token missing.');
    }
    if (headerToken !== cookieToken) throw new HttpError(403, 'CSRF Failed: CSRF token incorrect.');
  }

  /** The participant behind `Authorization: Bearer <LiveKit token>`, who must be in this room. */
  async function bearerIdentity(context: RequestContext, room: StoredRoom): Promise<{ identity: string; admin: boolean }> {
    const header = context.request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new HttpError(401, "Les informations d'authentification n'ont pas été fournies.");
    let claims;
    try {
      claims = await tokenVerifier.verify(match[1]);
    } catch {
      throw new HttpError(401, 'Jeton invalide ou expiré.');
    }
    if (claims.video?.room !== room.id || !claims.sub) throw new HttpError(403, "Ce jeton ne donne pas accès à cette salle.");
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

  async function livekitGrant(
    room: StoredRoom,
    user: StoredUser | undefined,
    username: string | null,
    identity: string,
    color?: string,
  ) {
    const role = roleOf(room, user) ?? 'member';
    if (user) identityUsers.set(identity, user.id);
    const sources = Array.isArray(room.configuration.can_publish_sources)
      ? (room.configuration.can_publish_sources as unknown[]).filter((source): source is string => typeof source === 'string')
      : undefined;
    return {
      url: livekit.url,
      room: room.id,
      token: await mintParticipantToken({
        apiKey: livekit.apiKey,
        apiSecret: livekit.apiSecret,
        room: room.id,
        identity,
        name: username || user?.fullName || 'Anonyme',
        color: color ?? colorForIdentity(identity),
        role,
        isAuthenticated: user !== undefined,
        publishSources: sources,
      }),
    };
  }

  function canEnterDirectly(room: StoredRoom, user: StoredUser | undefined): boolean {
    return room.accessLevel === 'public' || (room.accessLevel === 'trusted' && user !== undefined) || roleOf(room, user) !== undefined;
  }

  async function serializeRoom(room: StoredRoom, user: StoredUser | undefined, username: string | null) {
    const role = roleOf(room, user);
    const administrable = isRoomAdministratorRole(role);
    const body: Record<string, unknown> = {
      id: room.id,
      name: room.name,
      slug: room.slug,
      access_level: room.accessLevel,
      configuration: room.configuration,
      is_administrable: administrable,
      pin_code: options.telephony ? (store.ensurePinCode(room) ?? null) : (room.pinCode ?? null),
    };
    if (administrable) {
      body.accesses = Object.entries(room.accesses).map(([userId, accessRole]) => {
        const member = store.userById(userId);
        return {
          id: `${room.id}:${userId}`,
          role: accessRole,
          user: member ? { id: member.id, email: member.email, full_name: member.fullName, short_name: member.shortName } : { id: userId },
        };
      });
    }
    // As Meet: whoever must wait in the lobby learns neither the grant nor the PIN.
    if (canEnterDirectly(room, user)) body.livekit = await livekitGrant(room, user, username, randomUUID());
    else delete body.pin_code;
    return body;
  }

  function serializeUser(user: StoredUser) {
    return {
      id: user.id,
      email: user.email,
      full_name: user.fullName,
      short_name: user.shortName,
      timezone: user.timezone,
      language: user.language,
      default_room_access_level: 'trusted',
      default_room_configuration: {},
    };
  }

  function serializeLobbyEntry(entry: LobbyEntry, grant: unknown) {
    return { status: entry.status, id: entry.id, username: entry.username, color: entry.color, livekit: grant ?? null };
  }

  function findRoomOr404(slugOrId: string): StoredRoom {
    const room = store.findRoom(slugOrId);
    if (!room) throw new HttpError(404, 'Pas trouvé.');
    return room;
  }

  // --- endpoints

  function config() {
    return {
      analytics: {},
      support: null,
      silence_livekit_debug: true,
      use_french_gov_footer: false,
      use_proconnect_button: false,
      is_silent_login_enabled: false,
      custom_css_url: '',
      recording: { is_enabled: true, available_modes: [...RECORDING_MODES], expiration_days: 7, max_duration: null },
      subtitle: { enabled: true },
      telephony: options.telephony
        ? {
            enabled: true,
            default_country: options.telephony.defaultCountry,
            international_phone_number: options.telephony.internationalPhoneNumber,
          }
        : { enabled: false },
      transcript: { form_beta_users: null },
      livekit: {
        url: livekit.url,
        force_wss_protocol: false,
        enable_firefox_proxy_workaround: false,
        default_sources: [...DEFAULT_PUBLISH_SOURCES],
      },
      background_image: { is_enabled: true },
      diagnostics: { connection_test_enabled: true },
      max_participants_for_sound: 20,
      auto_mute_on_join_threshold: 10,
    };
  }

  async function handleAuthentication(context: RequestContext, route: string): Promise<boolean> {
    const { url } = context;
    if (route === 'authenticate/' && context.method === 'GET') {
      const returnTo = safeReturnTo(url.searchParams.get('returnTo') ?? url.searchParams.get('next'));
      redirect(context, await relyingParty.authorizationUrl(returnTo));
      return true;
    }
    if (route === 'callback/' && context.method === 'GET') {
      let result;
      try {
        result = await relyingParty.finishLogin(url);
      } catch (error) {
        throw new HttpError(400, `Échec de la connexion : ${error instanceof Error ? error.message : String(error)}`);
      }
      const user = store.upsertUserFromClaims(result.identity);
      const session: StoredSession = {
        id: randomBytes(24).toString('hex'),
        userId: user.id,
        csrfToken: randomBytes(24).toString('hex'),
        idToken: result.identity.idToken,
        expiresAt: Date.now() + SESSION_TTL_SECONDS * 1_000,
      };
      store.addSession(session);
      context.setCookies.push(
        cookie(SESSION_COOKIE, session.id, { maxAgeSeconds: SESSION_TTL_SECONDS, httpOnly: true }),
        cookie(CSRF_COOKIE, session.csrfToken, { maxAgeSeconds: 365 * 24 * 60 * 60, httpOnly: false }),
      );
      redirect(context, result.returnTo);
      return true;
    }
    if (route === 'logout/' && (context.method === 'GET' || context.method === 'POST')) {
      const returnTo = safeReturnTo(url.searchParams.get('returnTo'));
      context.setCookies.push(cookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, httpOnly: true }));
      if (!context.session) {
        redirect(context, returnTo);
        return true;
      }
      store.deleteSession(context.session.id);
      redirect(context, await relyingParty.endSessionUrl(context.session.idToken, returnTo));
      return true;
    }
    if (route === 'logout-callback/' && context.method === 'GET') {
      redirect(context, relyingParty.logoutReturnTo(url.searchParams.get('state')) ?? `${origin}/`);
      return true;
    }
    return false;
  }

  async function handleRoomAction(context: RequestContext, room: StoredRoom, action: string): Promise<void> {
    const { method } = context;
    const post = method === 'POST';
    switch (action) {
      case 'request-entry': {
        if (!post) break;
        checkCsrf(context);
        const fields = await readRequestFields(context.request);
        const username = requireString(fields, 'username');
        const participantId = context.cookies.get(LOBBY_COOKIE) || randomUUID();
        if (!context.cookies.has(LOBBY_COOKIE)) {
          context.setCookies.push(cookie(LOBBY_COOKIE, participantId, { maxAgeSeconds: 24 * 60 * 60, httpOnly: true }));
        }
        let entry = lobby.get(room.id, participantId);
        if (canEnterDirectly(room, context.user)) {
          const accepted: LobbyEntry = entry
            ? { ...entry, status: 'accepted' }
            : { id: participantId, username, color: colorForIdentity(participantId), status: 'accepted' };
          const grant = await livekitGrant(room, context.user, username, participantId, accepted.color);
          sendJson(context, 200, serializeLobbyEntry(accepted, grant));
          return;
        }
        let grant = null;
        if (!entry) {
          entry = lobby.enter(room.id, participantId, username);
          await notifyRoom(room.id, { type: 'participantWaiting' });
        } else if (entry.status === 'waiting') {
          lobby.refresh(room.id, participantId);
        } else if (entry.status === 'accepted') {
          grant = await livekitGrant(room, context.user, username, participantId, entry.color);
        }
        sendJson(context, 200, serializeLobbyEntry(entry, grant));
        return;
      }
      case 'waiting-participants': {
        if (method !== 'GET') break;
        requireAdministrator(context, room);
        sendJson(context, 200, { participants: lobby.waiting(room.id) });
        return;
      }
      case 'enter': {
        if (!post) break;
        checkCsrf(context);
        requireAdministrator(context, room);
        const fields = await readRequestFields(context.request);
        const participantId = requireString(fields, 'participant_id');
        if (typeof fields.allow_entry !== 'boolean') throw new HttpError(400, 'Le champ « allow_entry » doit être un booléen.');
        if (!lobby.decide(room.id, participantId, fields.allow_entry)) throw new HttpError(404, 'Participant introuvable.');
        sendJson(context, 200, { message: 'Participant was updated.' });
        return;
      }
      case 'toggle-hand': {
        if (!post) break;
        const { identity } = await bearerIdentity(context, room);
        const fields = await readRequestFields(context.request);
        if (typeof fields.raised !== 'boolean') throw new HttpError(400, 'Le champ « raised » doit être un booléen.');
        const handRaisedAt = fields.raised ? new Date().toISOString() : '';
        await livekitCall(() => roomService.updateParticipant(room.id, identity, { attributes: { handRaisedAt } }));
        sendJson(context, 200, { status: 'success', handRaisedAt });
        return;
      }
      case 'rename': {
        if (!post) break;
        const { identity } = await bearerIdentity(context, room);
        const fields = await readRequestFields(context.request);
        const name = requireString(fields, 'name');
        if (name.length > 100) throw new HttpError(400, 'Le nom ne doit pas dépasser 100 caractères.');
        await livekitCall(() => roomService.updateParticipant(room.id, identity, { name }));
        sendJson(context, 200, { status: 'success' });
        return;
      }
      case 'mute-participant': {
        if (!post) break;
        const bearer = context.request.headers.authorization !== undefined && !context.session;
        if (bearer) {
          const caller = await bearerIdentity(context, room);
          if (!caller.admin && room.configuration.everyone_can_mute !== true) {
            throw new HttpError(403, "Vous n'avez pas la permission d'effectuer cette action.");
          }
        } else {
          checkCsrf(context);
          requireAdministrator(context, room);
        }
        const fields = await readRequestFields(context.request);
        const identity = requireString(fields, 'participant_identity');
        const trackSid = requireString(fields, 'track_sid');
        await livekitCall(() => roomService.mutePublishedTrack(room.id, identity, trackSid, true));
        sendJson(context, 200, { status: 'success' });
        return;
      }
      case 'remove-participant': {
        if (!post) break;
        checkCsrf(context);
        requireAdministrator(context, room);
        const fields = await readRequestFields(context.request);
        const identity = requireString(fields, 'participant_identity');
        await livekitCall(() => roomService.removeParticipant(room.id, identity));
        sendJson(context, 200, { status: 'success' });
        return;
      }
      case 'update-participant': {
        if (!post) break;
        checkCsrf(context);
        requireAdministrator(context, room);
        const fields = await readRequestFields(context.request);
        const update = validated(() => parseParticipantUpdate(fields));
        await livekitCall(() =>
          roomService.updateParticipant(room.id, update.identity, {
            ...(update.metadata === undefined ? {} : { metadata: update.metadata }),
            ...(update.attributes === undefined ? {} : { attributes: update.attributes }),
            ...(update.permission === undefined ? {} : { permission: update.permission }),
            ...(update.name === undefined ? {} : { name: update.name }),
          }),
        );
        sendJson(context, 200, { status: 'success' });
        return;
      }
      case 'update-participant-role': {
        if (!post) break;
        checkCsrf(context);
        requireAdministrator(context, room);
        const fields = await readRequestFields(context.request);
        const identity = requireString(fields, 'participant_identity');
        const role = requireString(fields, 'role');
        if (role !== 'member' && role !== 'administrator') {
          throw new HttpError(400, 'Le rôle doit être « member » ou « administrator ».');
        }
        await livekitCall(() => roomService.updateParticipant(room.id, identity, { attributes: { room_role: role } }));
        const userId = identityUsers.get(identity);
        if (userId && room.accesses[userId] !== 'owner') {
          const accesses = { ...room.accesses };
          if (role === 'administrator') accesses[userId] = 'administrator';
          else delete accesses[userId];
          store.updateRoom(room, { accesses });
        }
        sendJson(context, 200, { status: 'success', role });
        return;
      }
      case 'start-recording': {
        if (!post) break;
        checkCsrf(context);
        requireAdministrator(context, room);
        const fields = await readRequestFields(context.request);
        const mode = fields.mode;
        if (!RECORDING_MODES.includes(mode as (typeof RECORDING_MODES)[number])) {
          throw new HttpError(400, "Le mode d'enregistrement doit être « screen_recording » ou « transcript ».");
        }
        if (recordings.has(room.id)) throw new HttpError(409, 'Un enregistrement est déjà en cours dans cette salle.');
        const state: RecordingState = { mode: mode as RecordingState['mode'] };
        recordings.set(room.id, state);
        await mergeRoomMetadata(room.id, { recording_mode: state.mode, recording_status: 'starting' }).catch(() => undefined);
        // Without an egress, "started" follows after a moment, like a real recorder warming up.
        state.timer = setTimeout(() => {
          if (recordings.get(room.id) === state) {
            void mergeRoomMetadata(room.id, { recording_status: 'started' }).catch(() => undefined);
          }
        }, RECORDING_STEP_MS);
        sendJson(context, 201, { message: `Recording successfully started for room ${room.slug}` });
        return;
      }
      case 'stop-recording': {
        if (!post) break;
        checkCsrf(context);
        requireAdministrator(context, room);
        const state = recordings.get(room.id);
        if (!state) throw new HttpError(404, 'Aucun enregistrement en cours dans cette salle.');
        clearTimeout(state.timer);
        await mergeRoomMetadata(room.id, { recording_status: 'saving' }).catch(() => undefined);
        state.timer = setTimeout(() => {
          recordings.delete(room.id);
          void mergeRoomMetadata(room.id, {}, ['recording_mode', 'recording_status']).catch(() => undefined);
        }, RECORDING_STEP_MS);
        sendJson(context, 200, { message: `Recording stopped for room ${room.slug}` });
        return;
      }
      case 'start-subtitle': {
        if (!post) break;
        await bearerIdentity(context, room);
        sendJson(context, 200, { status: 'success' });
        return;
      }
      default:
        throw new HttpError(404, 'Pas trouvé.');
    }
    throw new HttpError(405, `Méthode « ${method} » non autorisée.`);
  }

  async function handleRooms(context: RequestContext, segments: string[]): Promise<void> {
    const { method, url } = context;
    const username = url.searchParams.get('username');
    if (segments.length === 0) {
      if (method === 'GET') {
        const user = requireUser(context);
        const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
        const pageSize = Math.min(100, Math.max(1, Number.parseInt(url.searchParams.get('page_size') ?? '20', 10) || 20));
        const rooms = store.roomsOf(user.id);
        const pageUrl = (target: number) => {
          const next = new URL(url);
          next.searchParams.set('page', String(target));
          return next.toString();
        };
        sendJson(context, 200, {
          count: rooms.length,
          next: page * pageSize < rooms.length ? pageUrl(page + 1) : null,
          previous: page > 1 ? pageUrl(page - 1) : null,
          results: await Promise.all(
            rooms.slice((page - 1) * pageSize, page * pageSize).map(async (room) => {
              const { livekit: _livekit, ...withoutToken } = await serializeRoom(room, user, null);
              return withoutToken;
            }),
          ),
        });
        return;
      }
      if (method === 'POST') {
        checkCsrf(context);
        const user = requireUser(context);
        const fields = await readRequestFields(context.request);
        const slug = requireString(fields, 'name').toLowerCase();
        if (!SLUG_PATTERN.test(slug)) throw new HttpError(400, 'Le nom de la salle doit avoir la forme abc-defg-hij.');
        if (store.findRoom(slug)) throw new HttpError(400, 'Une salle avec ce nom existe déjà.');
        const requestedLevel = fields.access_level;
        const accessLevel = ACCESS_LEVELS.includes(requestedLevel as StoredAccessLevel)
          ? (requestedLevel as StoredAccessLevel)
          : 'trusted';
        const room = store.createRoom(slug, user.id, accessLevel);
        sendJson(context, 201, await serializeRoom(room, user, username));
        return;
      }
      throw new HttpError(405, `Méthode « ${method} » non autorisée.`);
    }
    const room = findRoomOr404(segments[0] ?? '');
    if (segments.length === 1) {
      if (method === 'GET') {
        sendJson(context, 200, await serializeRoom(room, context.user, username));
        return;
      }
      if (method === 'PATCH' || method === 'PUT') {
        checkCsrf(context);
        const user = requireAdministrator(context, room);
        const fields = await readRequestFields(context.request);
        const change: Partial<Pick<StoredRoom, 'accessLevel' | 'configuration'>> = {};
        if (fields.access_level !== undefined) {
          if (!ACCESS_LEVELS.includes(fields.access_level as StoredAccessLevel)) {
            throw new HttpError(400, "Le niveau d'accès doit être « public », « trusted » ou « restricted ».");
          }
          change.accessLevel = fields.access_level as StoredAccessLevel;
        }
        if (fields.configuration !== undefined) {
          // Replaced whole, like upstream's serializer: clients send every key they keep.
          change.configuration = validated(() => parseRoomConfiguration(fields.configuration));
        }
        store.updateRoom(room, change);
        await mergeRoomMetadata(room.id, { access_level: room.accessLevel, configuration: room.configuration }).catch(
          () => undefined,
        );
        sendJson(context, 200, await serializeRoom(room, user, username));
        return;
      }
      throw new HttpError(405, `Méthode « ${method} » non autorisée.`);
    }
    if (segments.length === 2) {
      await handleRoomAction(context, room, segments[1] ?? '');
      return;
    }
    throw new HttpError(404, 'Pas trouvé.');
  }

  async function handleApi(context: RequestContext, route: string): Promise<void> {
    const { method } = context;
    if (route === 'config/') {
      if (method !== 'GET') throw new HttpError(405, `Méthode « ${method} » non autorisée.`);
      sendJson(context, 200, config());
      return;
    }
    if (await handleAuthentication(context, route)) return;
    if (route === 'users/me/') {
      if (method !== 'GET') throw new HttpError(405, `Méthode « ${method} » non autorisée.`);
      sendJson(context, 200, serializeUser(requireUser(context)));
      return;
    }
    if (route === 'diagnostics/connection/') {
      if (method !== 'POST') throw new HttpError(405, `Méthode « ${method} » non autorisée.`);
      const roomName = `diagnostics-${randomUUID()}`;
      const identity = randomUUID();
      sendJson(context, 200, {
        url: livekit.url,
        room: roomName,
        token: await mintParticipantToken({
          apiKey: livekit.apiKey,
          apiSecret: livekit.apiSecret,
          room: roomName,
          identity,
          name: 'Test de connexion',
          color: colorForIdentity(identity),
          role: 'member',
          isAuthenticated: context.user !== undefined,
          ttlSeconds: 5 * 60,
        }),
      });
      return;
    }
    const segments = route.split('/').filter((segment) => segment !== '');
    if (segments[0] === 'rooms' && route.endsWith('/')) {
      await handleRooms(context, segments.slice(1));
      return;
    }
    throw new HttpError(404, 'Pas trouvé.');
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const method = (request.method ?? 'GET').toUpperCase();
    if (serveCalendarFeed(request, response, origin)) return;
    if (!url.pathname.startsWith(API_PREFIX)) {
      await serveWebApp(options.webRoot, url.pathname, method, response);
      return;
    }
    const cookies = parseCookies(request.headers.cookie);
    const context: RequestContext = { request, response, method, url, cookies, setCookies: [] };
    const sessionId = cookies.get(SESSION_COOKIE);
    const session = sessionId ? store.session(sessionId) : undefined;
    if (session) {
      context.session = session;
      context.user = store.userById(session.userId);
    }
    try {
      await handleApi(context, url.pathname.slice(API_PREFIX.length));
    } catch (error) {
      if (response.headersSent) return;
      if (error instanceof HttpError) sendJson(context, error.status, { detail: error.detail });
      else if (error instanceof RequestBodyError) sendJson(context, 400, { detail: error.message });
      else sendJson(context, 500, { detail: `Erreur interne : ${error instanceof Error ? error.message : String(error)}` });
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
