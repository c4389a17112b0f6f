import type { PublishedCourse } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { catalogQueryKey } from './get-catalog';

export function getPublishedCourse(slug: string, signal?: AbortSignal): Promise<PublishedCourse> {
  return apiRequest(`/courses/${encodeURIComponent(slug)}`, { signal });
}

export const publishedCourseQuery = (slug: string) =>
  queryOptions({ queryKey: [...catalogQueryKey, 'course', slug], queryFn: ({ signal }) => getPublishedCourse(slug, signal) });

/** The latest published version of a course, with every lesson's content. */
export function usePublishedCourse(slug: string) {
  return useQuery(publishedCourseQuery(slug));
}
