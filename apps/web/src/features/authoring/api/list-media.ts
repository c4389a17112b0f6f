import type { Media } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { authoringQueryKey } from './list-courses';

export const mediaQueryKey = (courseId: string) => [...authoringQueryKey, 'media', courseId] as const;

export function listMedia(courseId: string, signal?: AbortSignal): Promise<{ items: Media[] }> {
  return apiRequest(`/authoring/courses/${encodeURIComponent(courseId)}/media`, { signal });
}

export function useMediaList(courseId: string, enabled = true) {
  return useQuery(
    queryOptions({ queryKey: mediaQueryKey(courseId), queryFn: ({ signal }) => listMedia(courseId, signal), enabled }),
  );
}
