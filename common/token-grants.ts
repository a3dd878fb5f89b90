// What a LiveKit token handed out by the API says about its holder: the room role and the
// sources LiveKit will let them publish. Read without checking the signature: it only decides
// what the interface offers; LiveKit and the API enforce it.
import { PUBLISH_SOURCE_NAMES, roomRoleSchema, type PublishSourceName, type Room, type RoomRole } from './meet-types';

export interface TokenGrants {
  roomRole: RoomRole | null;
  /** The sources the token lets its holder publish, or null when it does not say. */
  canPublishSources: PublishSourceName[] | null;
}

function decodeBase64Url(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(base64);
  return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The grants of a JWT, or null when it cannot be read. */
export function tokenGrants(token: string): TokenGrants | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(decodeBase64Url(payload));
  } catch {
    return null;
  }
  if (!isRecord(claims)) return null;
  const role = roomRoleSchema.safeParse(isRecord(claims.attributes) ? claims.attributes.room_role : undefined);
  const video = isRecord(claims.video) ? claims.video : {};
  let canPublishSources: PublishSourceName[] | null = null;
  if (video.canPublish === false) canPublishSources = [];
  else if (Array.isArray(video.canPublishSources)) {
    canPublishSources = PUBLISH_SOURCE_NAMES.filter((source) => (video.canPublishSources as unknown[]).includes(source));
  }
  return { roomRole: role.success ? role.data : null, canPublishSources };
}

/** The role given in the room's `accesses` to this user (only owners and administrators see them). */
export function accessRoleOf(room: Pick<Room, 'accesses'>, userId: string | null | undefined): RoomRole | null {
  if (!userId) return null;
  for (const access of room.accesses ?? []) {
    if (!isRecord(access) || !isRecord(access.user) || access.user.id !== userId) continue;
    const role = roomRoleSchema.safeParse(access.role);
    if (role.success) return role.data;
  }
  return null;
}

/**
 * Whether the user administers the room, from what the API answered: `is_administrable` when the
 * server sends it (unregistered rooms), else the role the token carries, else the user's access.
 */
export function administersRoom(room: Pick<Room, 'is_administrable' | 'accesses' | 'livekit'>, userId?: string | null): boolean {
  if (typeof room.is_administrable === 'boolean') return room.is_administrable;
  const role = (room.livekit ? tokenGrants(room.livekit.token)?.roomRole : null) ?? accessRoleOf(room, userId);
  return role === 'owner' || role === 'administrator';
}
