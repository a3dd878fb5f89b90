// The app's one cache of server state. Failures are shown with a retry button rather than
// retried behind the user's back, and a desktop window regaining focus refetches nothing.
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    },
  });
}

export const queryClient = createQueryClient();
