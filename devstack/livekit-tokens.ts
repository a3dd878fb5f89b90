// LiveKit access tokens as the Meet backend mints them: join/publish/subscribe/data, never
// the right to change one's own name or attributes (those go through the REST calls), room
// admin for owners and administrators, and the attributes the web app reads.
import { createHash } from 'node:crypto';
import { AccessToken, TrackSource } from 'livekit-server-sdk';
import { PUBLISH_SOURCE_NAMES, type PublishSourceName } from '../common/meet-types';
import type { StoredRoomRole } from './store';

/** Without a room choice, members publish every source (Meet's default `default_sources`). */
export const DEFAULT_PUBLISH_SOURCES = PUBLISH_SOURCE_NAMES;

/** LiveKit's enum value of each source name the API uses. */
export const SOURCE_BY_NAME: Record<PublishSourceName, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

export interface ParticipantTokenRequest {
  apiKey: string;
  apiSecret: string;
  /** LiveKit room name: the room's UUID. */
  room: string;
  identity: string;
  name: string;
  color: string;
  /** Role on the room; null for anonymous and role-less participants, as Meet writes it. */
  role: StoredRoomRole | null;
  isAuthenticated: boolean;
  /** `configuration.can_publish_sources`; ignored for owners and administrators. */
  publishSources?: readonly string[];
  ttlSeconds?: number;
  /** More attributes, set after the Meet ones (tests use it to fake a state). */
  extraAttributes?: Record<string, string>;
  /**
   * A hidden agent participant, like the live-subtitle agent: LiveKit forwards transcription
   * packets only from agents, and lets them attribute text streams to another identity.
   */
  agent?: boolean;
}

/** A stable HSL color per identity, in the web app's range (readable on dark and light). */
export function colorForIdentity(identity: string): string {
  const digest = createHash('sha1').update(identity).digest();
  const hue = digest.readUInt16BE(0) % 361;
  const saturation = 50 + (digest[2] ?? 0) % 26;
  const lightness = 25 + (digest[3] ?? 0) % 36;
  return `hsl(${hue}, ${saturation}%, ${lightness}%)`;
}

export function isRoomAdministratorRole(role: StoredRoomRole | null | undefined): boolean {
  return role === 'owner' || role === 'administrator';
}

export async function mintParticipantToken(request: ParticipantTokenRequest): Promise<string> {
  const administrator = isRoomAdministratorRole(request.role);
  const sourceNames = administrator ? DEFAULT_PUBLISH_SOURCES : (request.publishSources ?? DEFAULT_PUBLISH_SOURCES);
  const sources = sourceNames.flatMap((name) => {
    const source = SOURCE_BY_NAME[name as PublishSourceName] as TrackSource | undefined;
    return source === undefined ? [] : [source];
  });
  const token = new AccessToken(request.apiKey, request.apiSecret, {
    identity: request.identity,
    name: request.name,
    ttl: request.ttlSeconds ?? 6 * 60 * 60,
    attributes: {
      color: request.color,
      // A JSON null, as Meet sends it; LiveKit shows it as "".
      room_role: request.role as string,
      is_authenticated: request.isAuthenticated ? 'true' : 'false',
      ...request.extraAttributes,
    },
  });
  if (request.agent) token.kind = 'agent';
  token.addGrant({
    ...(request.agent ? { hidden: true } : {}),
    room: request.room,
    roomJoin: true,
    roomAdmin: administrator,
    canPublish: sources.length > 0,
    canPublishSources: sources,
    canSubscribe: true,
    canPublishData: true,
    canUpdateOwnMetadata: false,
  });
  return token.toJwt();
}
