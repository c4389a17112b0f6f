import type { PublishedCourse } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { catalogQueryKey } from './get-catalog';

export function getPublishedCourse(slug: string, signal?: AbortSignal): Promise<PublishedCourse> {
  return api('catalog.get', { params: { slug }, signal });
}

// A published version changes only when staff publish again: a copy fetched a minute ago (e.g. started
// with the page, app/preload-route.ts) is not fetched again when the page mounts.
export const publishedCourseQuery = (slug: string) =>
  queryOptions({
    queryKey: [...catalogQueryKey, 'course', slug],
    queryFn: ({ signal }) => getPublishedCourse(slug, signal),
    staleTime: 60_000,
  });

/** The latest published version of a course, with every lesson's content. */
export function usePublishedCourse(slug: string) {
  return useQuery(publishedCourseQuery(slug));
}
