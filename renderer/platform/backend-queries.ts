// Server state read through the preload API, cached by TanStack Query: one key and one query
// function per answer, so every screen asking for the same thing shares one request.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { AppError, AppInfo, InvokeChannel, InvokeInput, InvokeOutputs, Result } from '../../common/ipc-contract';
import type { MeetConfig, Room, User } from '../../common/meet-types';
import { queryClient } from '../app/query-client';
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
  waitingLists: ['waiting'] as const,
  /** Who waits to enter a room, as its hosts see it. */
  waitingList: (roomId: string) => ['waiting', roomId] as const,
  todaysMeetings: ['calendar', 'today'] as const,
};

/** How often hosts see the lobby again, on top of the room's own "someone waits" notices. */
export const WAITING_LIST_REFRESH_MS = 5000;
/** The agenda is read by main every quarter of an hour; the home page looks at it every minute. */
export const TODAYS_MEETINGS_REFRESH_MS = 60_000;

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

/** Polled while a host is in the call; a host who leaves stops asking. */
export const waitingListQuery = (roomId: string) =>
  queryOptions({
    queryKey: backendKeys.waitingList(roomId),
    queryFn: () => answer('backend:lobby:waiting', { roomId }),
    refetchInterval: WAITING_LIST_REFRESH_MS,
  });

/** Today's meetings of the user's agenda that carry a meeting link, read by the desktop. */
export const todaysMeetingsQuery = () =>
  queryOptions({
    queryKey: backendKeys.todaysMeetings,
    queryFn: () => answer('calendar:today', undefined),
    refetchInterval: TODAYS_MEETINGS_REFRESH_MS,
  });

// For code outside React (the call's lifecycle, the startup): the same cache, no copy of it.

/** The instance's settings, fetched once; null when the instance did not answer. */
export function loadMeetConfig(): Promise<MeetConfig | null> {
  return queryClient.ensureQueryData(configQuery()).catch(() => null);
}

/** The instance's settings if already known; optional features stay off until then. */
export function knownMeetConfig(): MeetConfig | null {
  return queryClient.getQueryData(configQuery().queryKey) ?? null;
}

export function loadAppInfo(): Promise<AppInfo | null> {
  return queryClient.ensureQueryData(appInfoQuery()).catch(() => null);
}

export function knownAppInfo(): AppInfo | null {
  return queryClient.getQueryData(appInfoQuery().queryKey) ?? null;
}

/** Rooms (and their tokens) depend on who asked: a change of user starts them afresh. */
export function sessionChanged(user: User | null): void {
  queryClient.setQueryData(meQuery().queryKey, user);
  queryClient.removeQueries({ queryKey: backendKeys.rooms });
}

/** A host's decision on someone waiting: gone from the list at once, the lobby asked again after. */
export async function decideEntry(roomId: string, participantId: string, allowEntry: boolean): Promise<Result<null>> {
  const key = waitingListQuery(roomId).queryKey;
  queryClient.setQueryData(key, (listed) => listed?.filter((participant) => participant.id !== participantId));
  const result = await invoke('backend:lobby:enter', { roomId, participantId, allowEntry });
  await queryClient.invalidateQueries({ queryKey: key });
  return result;
}

/** Someone knocked, or this participant became a host: ask the lobby now rather than at the next poll. */
export function refreshWaitingList(roomId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: backendKeys.waitingList(roomId) });
}

/** The call is over: nobody's lobby is watched any more. */
export function forgetWaitingLists(): void {
  queryClient.removeQueries({ queryKey: backendKeys.waitingLists });
}

/** Creates a room (the caller becomes its owner): the list of recent rooms now holds it too. */
export async function createRoom(queryClient: QueryClient, username: string): Promise<Room> {
  const room = await answer('backend:rooms:create', username ? { username } : {});
  void queryClient.invalidateQueries({ queryKey: backendKeys.recentRooms });
  return room;
}
