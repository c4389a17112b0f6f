import type { Query, QueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../../../lib/session';
import { forgetLessonLanguages } from '../lesson-language-memory';

/**
 * The service worker keeps the learner's own answers (who they are, their progress) so that lessons
 * open offline. On a shared phone, the next person must not see them: they go when the session ends.
 * The name must match the cache named in vite.config.ts.
 */
export const PERSONAL_CACHE = 'dari-personal';

export async function clearPersonalCache(): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    await caches.delete(PERSONAL_CACHE);
  } catch {
    // nothing cached, or storage blocked
  }
}

const watched = new WeakSet<QueryClient>();

/** Once per app: when the person signs out or their session ends, their cached answers are deleted. */
export function forgetOnSignOut(client: QueryClient): void {
  if (watched.has(client)) return;
  watched.add(client);
  const cachedMe: unknown = client.getQueryData(meQueryKey);
  let signedIn = Boolean(cachedMe);
  client.getQueryCache().subscribe((event) => {
    const query = event.query as Query; // the cache's listener sees every query, typed `any`
    if (query.queryKey[0] !== meQueryKey[0]) return;
    const data = query.state.data as { sharedDevice?: boolean } | null | undefined;
    if (signedIn && data === null) {
      void clearPersonalCache();
      forgetLessonLanguages();
    }
    // On a shared phone nothing personal is kept for offline use at all: the next person could open it.
    if (data?.sharedDevice) void clearPersonalCache();
    signedIn = Boolean(data);
  });
}
