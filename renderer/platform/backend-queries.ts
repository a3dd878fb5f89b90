// Server state read through the preload API, cached by TanStack Query: one key and one query
// function per answer, so every screen asking for the same thing shares one request.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { AppError, InvokeChannel, InvokeInput, InvokeOutputs, Result } from '../../common/ipc-contract';
import type { Room } from '../../common/meet-types';
import { invoke } from './visio';

/** A failed backend answer, thrown so the query cache keeps it; `appError` is what the UI translates. */
export class BackendError extends Error {
  readonly appError: AppError;

  constructor(appError: AppError) {
    super(appError.detail ?? appError.code);
    this.name = 'BackendError';
    this.appError = appError;
  }
}

export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new BackendError(result.error);
  return result.value;
}

/** The typed error behind a query's failure; anything unexpected counts as a network failure. */
export function appErrorOf(error: unknown): AppError {
  if (error instanceof BackendError) return error.appError;
  return { code: 'network', detail: error instanceof Error ? error.message : String(error) };
}

async function answer<C extends InvokeChannel>(channel: C, payload: InvokeInput<C>): Promise<InvokeOutputs[C]> {
  return valueOf(await invoke(channel, payload));
}

/**
 * How long a room answer stays good enough to join with: its LiveKit token lives much longer, and
 * a user who lingers on the prejoin gets a fresh answer (access level, lobby) when joining.
 */
export const ROOM_ANSWER_FRESH_MS = 5 * 60_000;

export const backendKeys = {
  appInfo: ['app-info'] as const,
  config: ['config'] as const,
  me: ['me'] as const,
  rooms: ['rooms'] as const,
  recentRooms: ['rooms', 'list'] as const,
  /** Every answer about one room, whatever the name it was asked under. */
  roomsOf: (slug: string) => ['rooms', 'detail', slug] as const,
  /** The answer depends on the name: the LiveKit token is made out to it. */
  room: (slug: string, username: string | null) => ['rooms', 'detail', slug, username] as const,
  lobbyEntry: (roomId: string, username: string) => ['lobby', roomId, username] as const,
};

export const appInfoQuery = () =>
  queryOptions({ queryKey: backendKeys.appInfo, queryFn: () => answer('app:info', undefined), staleTime: Infinity });

/** The instance's settings do not change during a run. */
export const configQuery = () =>
  queryOptions({ queryKey: backendKeys.config, queryFn: () => answer('backend:config', undefined), staleTime: Infinity });

export const meQuery = () => queryOptions({ queryKey: backendKeys.me, queryFn: () => answer('backend:me', undefined) });

export const recentRoomsQuery = () =>
  queryOptions({ queryKey: backendKeys.recentRooms, queryFn: () => answer('backend:rooms:list', {}) });

export const roomQuery = (slug: string, username: string | null) =>
  queryOptions({
    queryKey: backendKeys.room(slug, username),
    queryFn: () => answer('backend:rooms:get', username ? { slug, username } : { slug }),
    staleTime: ROOM_ANSWER_FRESH_MS,
  });

/** A guest's request to enter a room; the lobby asks again until the host decides. */
export const lobbyEntryQuery = (roomId: string, username: string) =>
  queryOptions({
    queryKey: backendKeys.lobbyEntry(roomId, username),
    queryFn: () => answer('backend:lobby:request-entry', { roomId, username }),
    // Leaving the lobby forgets the entry: coming back asks afresh.
    gcTime: 0,
  });

/** Creates a room (the caller becomes its owner): the list of recent rooms now holds it too. */
export async function createRoom(queryClient: QueryClient, username: string): Promise<Room> {
  const room = await answer('backend:rooms:create', username ? { username } : {});
  void queryClient.invalidateQueries({ queryKey: backendKeys.recentRooms });
  return room;
}
