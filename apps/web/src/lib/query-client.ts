import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';
import { handleUnauthenticated } from './session';

export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  const retryAllowed = options.retry ?? true;
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => handleUnauthenticated(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => handleUnauthenticated(client, error) }),
    defaultOptions: {
      queries: {
        // 'always': when offline, fail fast with our own "can't reach Dari" message instead of waiting silently.
        networkMode: 'always',
        retry: (count, error) =>
          retryAllowed && count < 2 && isApiError(error) && (error.code === 'network' || error.status >= 500),
        refetchOnWindowFocus: true,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
  return client;
}
