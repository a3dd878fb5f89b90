// Who is logged in. The session itself lives in main (desktop) or in the page's cookies (browser);
// this store only mirrors `backend:me`.
import { create } from 'zustand';
import type { AppError } from '../../../common/ipc-contract';
import type { User } from '../../../common/meet-types';
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

export const useSessionStore = create<SessionState>((set) => ({
  status: 'unknown',
  user: null,
  error: null,
  async refresh() {
    set({ status: 'checking', error: null });
    const result = await invoke('backend:me', undefined);
    if (!result.ok) set({ status: 'error', user: null, error: result.error });
    else set({ status: result.value ? 'authenticated' : 'anonymous', user: result.value, error: null });
  },
  async login() {
    set({ error: null });
    const result = await invoke('backend:login', undefined);
    if (result.ok) set({ status: 'authenticated', user: result.value });
    else if (result.error.code !== 'cancelled') set({ error: result.error });
  },
  async logout() {
    const result = await invoke('backend:logout', undefined);
    if (result.ok) set({ status: 'anonymous', user: null, error: null });
    else set({ error: result.error });
  },
}));

export const selectIsAuthenticated = (state: SessionState): boolean => state.status === 'authenticated';
