// Who is logged in. The session itself lives in main (desktop) or in the page's cookies (browser);
// the renderer knows it only through `backend:me`, held by the query cache.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { AppError } from '../../../common/ipc-contract';
import type { User } from '../../../common/meet-types';
import { appErrorOf, meQuery, sessionChanged, valueOf } from '../../platform/backend-queries';
import { invoke } from '../../platform/visio';

export type SessionStatus = 'checking' | 'anonymous' | 'authenticated' | 'error';

export interface Session {
  status: SessionStatus;
  user: User | null;
  error: AppError | null;
}

export function displayNameOf(user: User | null): string {
  return (user?.full_name || user?.short_name || user?.email || '').trim();
}

export function useSession(): Session {
  const me = useQuery(meQuery());
  if (me.isPending) return { status: 'checking', user: null, error: null };
  if (me.isError) return { status: 'error', user: null, error: appErrorOf(me.error) };
  return { status: me.data ? 'authenticated' : 'anonymous', user: me.data, error: null };
}

/** Login and logout; a login the user closes (`cancelled`) is no error. */
export function useSessionActions() {
  const login = useMutation({
    mutationFn: async () => valueOf(await invoke('backend:login', undefined)),
    onSuccess: (user) => sessionChanged(user),
  });
  const logout = useMutation({
    mutationFn: async () => valueOf(await invoke('backend:logout', undefined)),
    onSuccess: () => sessionChanged(null),
  });
  const failure = login.error ?? logout.error;
  const error = failure ? appErrorOf(failure) : null;
  return {
    login: () => login.mutate(),
    logout: () => logout.mutate(),
    error: error?.code === 'cancelled' ? null : error,
  };
}
