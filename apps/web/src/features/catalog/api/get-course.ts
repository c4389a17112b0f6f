import type { PublishedCourse } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { catalogQueryKey } from './get-catalog';

export function getPublishedCourse(slug: string, signal?: AbortSignal): Promise<PublishedCourse> {
  return apiRequest(`/courses/${encodeURIComponent(slug)}`, { signal });
}

export function usePublishedCourse(slug: string) {
  return useQuery(
    queryOptions({ queryKey: [...catalogQueryKey, 'course', slug], queryFn: ({ signal }) => getPublishedCourse(slug, signal) }),
  );
}
