// Who is logged in. The session itself lives in main (desktop) or in the page's cookies (browser);
// this store only mirrors `backend:me`, read through the query cache.
import { create } from 'zustand';
import type { AppError } from '../../../common/ipc-contract';
import type { User } from '../../../common/meet-types';
import { queryClient } from '../../app/query-client';
import { appErrorOf, backendKeys, meQuery } from '../../platform/backend-queries';
import { invoke } from '../../platform/visio';

export type SessionStatus = 'unknown' | 'checking' | 'anonymous' | 'authenticated' | 'error';

interface SessionState {
  status: SessionStatus;
  user: User | null;
  error: AppError | null;
  refresh(): Promise<void>;
  login(): Promise<void>;
  logout(): Promise<void>;
}

export function displayNameOf(user: User | null): string {
  return (user?.full_name || user?.short_name || user?.email || '').trim();
}

/** Rooms (and their tokens) depend on who asked: a change of user starts them afresh. */
function forgetOtherUsersAnswers(user: User | null): void {
  queryClient.setQueryData(backendKeys.me, user);
  queryClient.removeQueries({ queryKey: backendKeys.rooms });
}

export const useSessionStore = create<SessionState>((set) => ({
  status: 'unknown',
  user: null,
  error: null,
  async refresh() {
    set({ status: 'checking', error: null });
    try {
      const user = await queryClient.fetchQuery({ ...meQuery(), staleTime: 0 });
      set({ status: user ? 'authenticated' : 'anonymous', user, error: null });
    } catch (error) {
      set({ status: 'error', user: null, error: appErrorOf(error) });
    }
  },
  async login() {
    set({ error: null });
    const result = await invoke('backend:login', undefined);
    if (result.ok) {
      forgetOtherUsersAnswers(result.value);
      set({ status: 'authenticated', user: result.value });
    } else if (result.error.code !== 'cancelled') set({ error: result.error });
  },
  async logout() {
    const result = await invoke('backend:logout', undefined);
    if (result.ok) {
      forgetOtherUsersAnswers(null);
      set({ status: 'anonymous', user: null, error: null });
    } else set({ error: result.error });
  },
}));

export const selectIsAuthenticated = (state: SessionState): boolean => state.status === 'authenticated';
