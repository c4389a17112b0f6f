import type { CourseChanges } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authorCourseQueryKey } from './get-course';

/** Under the course's key, so that whatever refreshes the course (a lesson saved, a publish) refreshes this too. */
export const changesQueryKey = (courseId: string, revision: number) =>
  [...authorCourseQueryKey(courseId), 'changes', revision] as const;

export function getChanges(courseId: string, signal?: AbortSignal): Promise<CourseChanges> {
  return api('authoring.changes', { params: { id: courseId }, signal });
}

/** What the draft changes since the latest version; only asked for when there is something unpublished. */
export function useCourseChanges(courseId: string, revision: number, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: changesQueryKey(courseId, revision),
      queryFn: ({ signal }) => getChanges(courseId, signal),
      enabled,
      refetchOnWindowFocus: false,
    }),
  );
}
