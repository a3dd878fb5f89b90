// Renaming oneself during the call, as Meet's web app allows: through the API (a LiveKit token
// cannot change its own name), which renames the participant in the room; every client, tiles
// and lists alike, follows LiveKit's name change.
import type { Participant } from 'livekit-client';
import type { AppError } from '../../../common/ipc-contract';
import type { MeetConfig } from '../../../common/meet-types';
import { invoke } from '../../platform/visio';
import { connectedCall, isCall } from '../call/connected-call';
import { isGuest } from './roles';

/** The API refuses longer names (255); the app keeps names as short as the prejoin's. */
export const MAX_DISPLAY_NAME_LENGTH = 64;

/** Guests always may; logged-in users unless the instance keeps their account's name. */
export function mayRenameSelf(local: Pick<Participant, 'attributes'> | undefined, config: Pick<MeetConfig, 'authenticated_users_can_edit_display_name'> | null): boolean {
  if (!local) return false;
  return isGuest(local) || config?.authenticated_users_can_edit_display_name !== false;
}

export type RenameOutcome = { ok: true; name: string } | { ok: false; error: AppError } | { ok: false; invalid: 'empty' | 'too_long' };

export async function renameSelf(name: string): Promise<RenameOutcome> {
  const trimmed = name.trim();
  if (!trimmed) return { ok: false, invalid: 'empty' };
  if (trimmed.length > MAX_DISPLAY_NAME_LENGTH) return { ok: false, invalid: 'too_long' };
  const call = connectedCall();
  if (!isCall(call)) return { ok: false, error: call };
  const result = await invoke('backend:room:rename', { roomId: call.roomId, token: call.token, name: trimmed });
  return result.ok ? { ok: true, name: trimmed } : { ok: false, error: result.error };
}
