import type { AuthorCourseList, ListAuthorCoursesQuery } from '@dari/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type AuthorCoursesFilter = ListAuthorCoursesQuery;

export type { AuthorCourseList };

export const authoringQueryKey = ['authoring'] as const;
export const authorCoursesQueryKey = [...authoringQueryKey, 'courses'] as const;

export function listAuthorCourses(filter: AuthorCoursesFilter, signal?: AbortSignal): Promise<AuthorCourseList> {
  return api('authoring.listCourses', { query: { ...filter }, signal });
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
