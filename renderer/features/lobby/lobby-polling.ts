// A guest's wait in the lobby: ask to enter about every second (an entry expires 3 s after the
// last request), until the host decides or the guest gives up.
import type { AppError, Result } from '../../../common/ipc-contract';
import type { LivekitGrant, LobbyEntry } from '../../../common/meet-types';

export type LobbyUpdate =
  | { kind: 'waiting' }
  | { kind: 'accepted'; grant: LivekitGrant }
  | { kind: 'denied' }
  | { kind: 'error'; error: AppError };

export interface LobbyPollingOptions {
  requestEntry(): Promise<Result<LobbyEntry>>;
  onUpdate(update: LobbyUpdate): void;
  intervalMs?: number;
  schedule?: (callback: () => void, delayMs: number) => unknown;
  cancelSchedule?: (handle: unknown) => void;
}

export function lobbyUpdateFor(result: Result<LobbyEntry>): LobbyUpdate {
  if (!result.ok) return { kind: 'error', error: result.error };
  const entry = result.value;
  if (entry.status === 'accepted' && entry.livekit) return { kind: 'accepted', grant: entry.livekit };
  if (entry.status === 'denied') return { kind: 'denied' };
  return { kind: 'waiting' };
}

/** Starts polling at once; the returned function stops it. Errors keep polling: the network may come back. */
export function startLobbyPolling(options: LobbyPollingOptions): () => void {
  const interval = options.intervalMs ?? 1000;
  const schedule = options.schedule ?? ((callback, delay) => setTimeout(callback, delay));
  const cancel = options.cancelSchedule ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let stopped = false;
  let handle: unknown = null;

  const poll = async () => {
    if (stopped) return;
    const update = lobbyUpdateFor(await options.requestEntry());
    if (stopped) return;
    options.onUpdate(update);
    if (update.kind === 'waiting' || update.kind === 'error') handle = schedule(() => void poll(), interval);
  };
  void poll();

  return () => {
    stopped = true;
    if (handle !== null) cancel(handle);
  };
}
