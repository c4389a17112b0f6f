import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { authoringQueryKey } from './list-courses';

export interface CourseVersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: { id: string; displayName: string } | null;
  lessonCount: number;
}

export const versionsQueryKey = (courseId: string) => [...authoringQueryKey, 'versions', courseId] as const;

export function listVersions(courseId: string, signal?: AbortSignal): Promise<{ items: CourseVersionSummary[] }> {
  return apiRequest(`/authoring/courses/${encodeURIComponent(courseId)}/versions`, { signal });
}

export function useVersions(courseId: string) {
  return useQuery(
    queryOptions({ queryKey: versionsQueryKey(courseId), queryFn: ({ signal }) => listVersions(courseId, signal) }),
  );
}
