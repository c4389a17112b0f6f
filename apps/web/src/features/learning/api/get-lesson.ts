import type { CourseOutline, LearnerLesson } from '@dari/contracts';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { catalogQueryKey } from './get-catalog';

/**
 * One lesson of a course's current published version, its Markdown already rendered to sanitised HTML
 * on the server (GET /courses/:slug/lessons/:lessonId), and the outline apart. The browser keeps both
 * (private, no-cache, strong ETag): asking again costs a 304 without a body while the version is the same.
 */
export function getLesson(slug: string, lessonId: string, signal?: AbortSignal): Promise<LearnerLesson> {
  return api('catalog.lesson', { params: { slug, lessonId }, signal });
}

export const lessonQuery = (slug: string, lessonId: string) =>
  queryOptions({
    queryKey: [...catalogQueryKey, 'lesson', slug, lessonId],
    queryFn: ({ signal }) => getLesson(slug, lessonId, signal),
    staleTime: 60_000,
  });

export function useLesson(slug: string, lessonId: string) {
  return useQuery(lessonQuery(slug, lessonId));
}

export const outlineQuery = (slug: string) =>
  queryOptions({
    queryKey: [...catalogQueryKey, 'outline', slug],
    queryFn: ({ signal }): Promise<CourseOutline> => api('catalog.outline', { params: { slug }, signal }),
    staleTime: 60_000,
  });

export function useCourseOutline(slug: string) {
  return useQuery(outlineQuery(slug));
}

interface NetworkInformationLike {
  saveData?: boolean;
  effectiveType?: string;
}

/**
 * Whether the connection allows fetching what the learner has not asked for yet: not when they asked
 * the browser to save data, nor on a 2G-like link. Without the Network Information API (Safari, Firefox), yes.
 */
export function mayPrefetch(
  nav: { connection?: NetworkInformationLike } = navigator as { connection?: NetworkInformationLike },
): boolean {
  const connection = nav.connection;
  if (!connection) return true;
  if (connection.saveData) return false;
  return connection.effectiveType !== 'slow-2g' && connection.effectiveType !== '2g';
}

/** Fetches the next lesson ahead, when the connection allows (mayPrefetch). */
export function prefetchLesson(
  client: QueryClient,
  slug: string,
  lessonId: string,
  nav?: { connection?: NetworkInformationLike },
): void {
  if (!mayPrefetch(nav)) return;
  client.query(lessonQuery(slug, lessonId)).catch(() => undefined);
}
