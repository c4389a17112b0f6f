import type { AuthorCourse } from '@dari/contracts';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authorCoursesQueryKey } from './list-courses';

export const authorCourseQueryKey = (id: string) => [...authorCoursesQueryKey, 'one', id] as const;

export function getAuthorCourse(id: string, signal?: AbortSignal): Promise<AuthorCourse> {
  return api('authoring.getCourse', { params: { id }, signal });
}

export function useAuthorCourse(id: string) {
  return useQuery(
    queryOptions({
      queryKey: authorCourseQueryKey(id),
      queryFn: ({ signal }) => getAuthorCourse(id, signal),
      // An editor open in a tab must not be refreshed under the person's hands; they reload on purpose.
      refetchOnWindowFocus: false,
    }),
  );
}

/** Every change answers with the whole course: keep it, and let lists refresh. */
export function storeCourse(client: QueryClient, course: AuthorCourse): void {
  client.setQueryData(authorCourseQueryKey(course.id), course);
  void client.invalidateQueries({ queryKey: [...authorCoursesQueryKey, 'list'] });
}
