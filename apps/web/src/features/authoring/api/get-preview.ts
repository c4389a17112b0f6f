import type { PublishedCourse } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authoringQueryKey } from './list-courses';

/** The draft exactly as learners will get it (version null), or one published version. */
export function getPreview(courseId: string, version: number | null, signal?: AbortSignal): Promise<PublishedCourse> {
  return version === null
    ? api('authoring.preview', { params: { id: courseId }, signal })
    : api('authoring.version', { params: { id: courseId, version }, signal });
}

export function usePreview(courseId: string, version: number | null) {
  return useQuery(
    queryOptions({
      queryKey: [...authoringQueryKey, 'preview', courseId, version],
      queryFn: ({ signal }) => getPreview(courseId, version, signal),
      staleTime: 0,
    }),
  );
}
