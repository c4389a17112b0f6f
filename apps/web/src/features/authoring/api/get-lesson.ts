import type { AuthorLesson } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authoringQueryKey } from './list-courses';

export const lessonQueryKey = (id: string) => [...authoringQueryKey, 'lessons', id] as const;

export function getLesson(id: string, signal?: AbortSignal): Promise<AuthorLesson> {
  return api('authoring.getLesson', { params: { id }, signal });
}

export function useLesson(id: string) {
  return useQuery(
    queryOptions({
      queryKey: lessonQueryKey(id),
      queryFn: ({ signal }) => getLesson(id, signal),
      // The editor holds the words being written; a background refresh must not replace them.
      refetchOnWindowFocus: false,
      staleTime: Infinity,
    }),
  );
}
