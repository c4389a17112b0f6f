import type { Me } from '@dari/contracts';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, isApiError } from './api';

// The signed-in person is shared by every feature, so GET /me lives here rather than in one feature.
export const meQueryKey = ['me'] as const;
const sessionEndKey = ['session-end'] as const;

/** Why the person is no longer signed in, so the sign-in page can say so. */
export type SessionEnd = 'expired' | 'signed-out' | 'erased';

export function getMe(signal?: AbortSignal): Promise<Me> {
  return api('me.get', { signal });
}

export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: async ({ client, signal }): Promise<Me | null> => {
    try {
      return await getMe(signal);
    } catch (error) {
      if (isApiError(error) && error.code === 'unauthenticated') {
        // Signed in a moment ago and now refused: the session ended on the server.
        if (client.getQueryData(meQueryKey) && !signingOut(client)) client.setQueryData(sessionEndKey, 'expired');
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

/** `data` is the person, `null` when signed out, `undefined` while loading. */
export function useMe() {
  return useQuery(meQuery);
}

function dropPersonalData(client: QueryClient): void {
  client.removeQueries({
    predicate: (q) => q.queryKey[0] !== meQueryKey[0] && q.queryKey[0] !== sessionEndKey[0],
  });
}

export function startSession(client: QueryClient, me: Me): void {
  dropPersonalData(client);
  client.setQueryData(sessionEndKey, null);
  client.setQueryData(meQueryKey, me);
}

/** Forget everything about the person (shared phones) and remember why. */
export function endSession(client: QueryClient, reason: SessionEnd): void {
  client.setQueryData(sessionEndKey, reason);
  dropPersonalData(client);
  client.setQueryData(meQueryKey, null);
}

export function getSessionEnd(client: QueryClient): SessionEnd | null {
  return client.getQueryData<SessionEnd | null>(sessionEndKey) ?? null;
}

export function clearSessionEnd(client: QueryClient): void {
  if (client.getQueryData(sessionEndKey)) client.setQueryData(sessionEndKey, null);
}

/**
 * The person asked to sign out and the server is ending the session: a request sent just before
 * may come back refused, which is the sign-out itself and not a session that expired.
 */
export function startSigningOut(client: QueryClient): void {
  client.setQueryData(sessionEndKey, 'signed-out');
}

/** Signing out failed (offline, server error): the person is still signed in. */
export function cancelSigningOut(client: QueryClient): void {
  if (signingOut(client)) client.setQueryData(sessionEndKey, null);
}

function signingOut(client: QueryClient): boolean {
  return getSessionEnd(client) === 'signed-out';
}

/** Any request refused with 401 while we thought the person was signed in: the session expired. */
export function handleUnauthenticated(client: QueryClient, error: unknown): void {
  if (isApiError(error) && error.code === 'unauthenticated' && client.getQueryData(meQueryKey) && !signingOut(client)) {
    endSession(client, 'expired');
  }
}
