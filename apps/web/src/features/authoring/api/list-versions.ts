import type { CourseVersionList, CourseVersionSummary } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authoringQueryKey } from './list-courses';

export type { CourseVersionSummary };

export const versionsQueryKey = (courseId: string) => [...authoringQueryKey, 'versions', courseId] as const;

export function listVersions(courseId: string, signal?: AbortSignal): Promise<CourseVersionList> {
  return api('authoring.versions', { params: { id: courseId }, signal });
}

export function useVersions(courseId: string) {
  return useQuery(
    queryOptions({ queryKey: versionsQueryKey(courseId), queryFn: ({ signal }) => listVersions(courseId, signal) }),
  );
}
