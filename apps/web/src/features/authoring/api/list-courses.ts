import type { AuthorCourseSummary } from '@dari/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';

export interface AuthorCoursesFilter {
  q?: string;
  status?: AuthorCourseSummary['status'];
  page: number;
  pageSize: number;
}

export interface AuthorCourseList {
  items: AuthorCourseSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export const authoringQueryKey = ['authoring'] as const;
export const authorCoursesQueryKey = [...authoringQueryKey, 'courses'] as const;

export function listAuthorCourses(filter: AuthorCoursesFilter, signal?: AbortSignal): Promise<AuthorCourseList> {
  return apiRequest('/authoring/courses', { query: { ...filter }, signal });
}

export function useAuthorCourses(filter: AuthorCoursesFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...authorCoursesQueryKey, 'list', filter],
      queryFn: ({ signal }) => listAuthorCourses(filter, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
