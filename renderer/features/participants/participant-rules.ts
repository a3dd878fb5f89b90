// What the interface offers to do to another participant: only what the API accepts, so that
// nobody is shown an action the server refuses (a guest has no account to give a role to, the
// owner cannot be demoted, one's own role is not one's to change).
import type { Participant } from 'livekit-client';
import { isRoomAdmin, roleOf } from './roles';

type Someone = Pick<Participant, 'attributes' | 'isLocal'>;

/** Role changes: by an administrator, on a logged-in participant present in the call, never oneself or the owner. */
export function mayChangeRoleOf(actor: Someone | undefined, target: Someone): boolean {
  return isRoomAdmin(actor) && !target.isLocal && target.attributes.is_authenticated === 'true' && roleOf(target) !== 'owner';
}

/** Removal: by an administrator, never of oneself or the owner. */
export function mayRemove(actor: Someone | undefined, target: Someone): boolean {
  return isRoomAdmin(actor) && !target.isLocal && roleOf(target) !== 'owner';
}

/**
 * Muting another: administrators always; anyone else unless the room turned
 * `everyone_can_mute` off (unset means allowed, as the API decides).
 */
export function mayMuteOthers(actor: Someone | undefined, everyoneCanMute: boolean | null | undefined): boolean {
  return isRoomAdmin(actor) || everyoneCanMute !== false;
}
