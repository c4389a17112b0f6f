import type { Media } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authoringQueryKey } from './list-courses';

export const mediaQueryKey = (courseId: string) => [...authoringQueryKey, 'media', courseId] as const;

export function listMedia(courseId: string, signal?: AbortSignal): Promise<{ items: Media[] }> {
  return api('authoring.listMedia', { params: { id: courseId }, signal });
}

export function useMediaList(courseId: string, enabled = true) {
  return useQuery(
    queryOptions({ queryKey: mediaQueryKey(courseId), queryFn: ({ signal }) => listMedia(courseId, signal), enabled }),
  );
}
