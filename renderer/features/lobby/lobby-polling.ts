// A guest's wait in the lobby: ask to enter about every second (an entry expires 3 s after the
// last request), until the host decides or the guest gives up.
import type { AppError } from '../../../common/ipc-contract';
import type { LivekitGrant, LobbyEntry } from '../../../common/meet-types';
import { appErrorOf } from '../../platform/backend-queries';

export const LOBBY_POLL_MS = 1000;

export type LobbyUpdate =
  | { kind: 'waiting' }
  | { kind: 'accepted'; grant: LivekitGrant }
  | { kind: 'denied' }
  | { kind: 'error'; error: AppError };

/** The part of the entry query's state the lobby reads. */
export interface LobbyEntryState {
  status: 'pending' | 'error' | 'success';
  data: LobbyEntry | undefined;
  error: unknown;
}

export function lobbyUpdateOf(state: LobbyEntryState): LobbyUpdate {
  if (state.status === 'error') return { kind: 'error', error: appErrorOf(state.error) };
  const entry = state.data;
  if (entry?.status === 'accepted' && entry.livekit) return { kind: 'accepted', grant: entry.livekit };
  if (entry?.status === 'denied') return { kind: 'denied' };
  return { kind: 'waiting' };
}

/** Errors keep polling: the network may come back. A decision ends it. */
export function nextLobbyPoll(update: LobbyUpdate): number | false {
  return update.kind === 'waiting' || update.kind === 'error' ? LOBBY_POLL_MS : false;
}
