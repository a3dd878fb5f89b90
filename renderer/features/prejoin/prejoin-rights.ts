// Which devices the prejoin may open, from what the API said about the room before joining:
// a member of a room that keeps the camera (or the microphone) from its members does not
// capture it at all, and is told why. Owners and administrators publish everything.
import type { Room } from '../../../common/meet-types';
import { administersRoom, tokenGrants } from '../../../common/token-grants';
import { isRightGranted, publishSourcesFrom, roomPublishSources } from '../participants/publish-sources';

export type PrejoinDevice = 'camera' | 'microphone';

/** What the prejoin knows of the room: still asking, the API's answer, or no answer (missing, failed). */
export type PrejoinRoomAnswer = { state: 'pending' } | { state: 'answered'; room: Pick<Room, 'is_administrable' | 'configuration' | 'accesses' | 'livekit'>; userId?: string | null } | { state: 'unknown' };

/** The instance's `/config/`: still loading, or loaded (`defaultSources` undefined when it said nothing or failed). */
export type PrejoinDefaults = { loaded: false } | { loaded: true; defaultSources: unknown };

/** `settled: false` while the answer that decides is awaited: no device is opened meanwhile. */
export type PrejoinRights = { settled: false } | { settled: true; camera: boolean; microphone: boolean };

const EVERYTHING: PrejoinRights = { settled: true, camera: true, microphone: true };

export function prejoinRights(answer: PrejoinRoomAnswer, defaults: PrejoinDefaults): PrejoinRights {
  if (answer.state === 'pending') return { settled: false };
  // Without the room's answer, nothing says the user is restricted: the server still decides.
  if (answer.state === 'unknown') return EVERYTHING;
  const { room } = answer;
  // The token the server handed out says exactly what LiveKit will let the user publish.
  const granted = room.livekit ? tokenGrants(room.livekit.token)?.canPublishSources : null;
  if (granted) return { settled: true, camera: granted.includes('camera'), microphone: granted.includes('microphone') };
  if (administersRoom(room, answer.userId)) return EVERYTHING;
  const own = publishSourcesFrom(room.configuration?.can_publish_sources);
  if (!own && !defaults.loaded) return { settled: false };
  const sources = own ?? roomPublishSources(room.configuration, defaults.loaded ? defaults.defaultSources : undefined);
  return { settled: true, camera: isRightGranted(sources, 'camera'), microphone: isRightGranted(sources, 'microphone') };
}

/** Whether the prejoin opens a device: the user wants it, and the room lets them (once known). */
export function mayOpen(rights: PrejoinRights, device: PrejoinDevice, wanted: boolean): boolean {
  return wanted && rights.settled && rights[device];
}

/** A device the room keeps from the user (its toggle is disabled and says why). */
export function isForbidden(rights: PrejoinRights, device: PrejoinDevice): boolean {
  return rights.settled && !rights[device];
}
