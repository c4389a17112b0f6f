import type { AuthorCourseSummary, Cohort } from '@dari/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { cohortQueryKey, programQueryKey } from './keys';

/** Published courses a cohort can take (managers may read the authoring list). */
export function listPublishedCourses(signal?: AbortSignal): Promise<{ items: AuthorCourseSummary[]; total: number }> {
  return api('authoring.listCourses', { query: { status: 'published', page: 1, pageSize: 100 }, signal });
}

export function usePublishedCourses() {
  return useQuery(
    queryOptions({
      queryKey: [...programQueryKey, 'published-courses'],
      queryFn: ({ signal }) => listPublishedCourses(signal),
      staleTime: 60_000,
    }),
  );
}

export function assignCourse(cohortId: string, body: { courseId: string; dueOn: string | null }): Promise<Cohort> {
  return api('cohorts.assignCourse', { params: { id: cohortId }, body });
}

export function unassignCourse(cohortId: string, courseId: string): Promise<Cohort> {
  return api('cohorts.unassignCourse', { params: { id: cohortId, courseId } });
}

function useCohortChange<A>(cohortId: string, fn: (arg: A) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // The grid's columns and the learners' enrolments change with the courses.
    onSuccess: () => client.invalidateQueries({ queryKey: cohortQueryKey(cohortId) }),
  });
}

export function useAssignCourse(cohortId: string) {
  return useCohortChange(cohortId, (body: { courseId: string; dueOn: string | null }) => assignCourse(cohortId, body));
}

export function useUnassignCourse(cohortId: string) {
  return useCohortChange(cohortId, (courseId: string) => unassignCourse(cohortId, courseId));
}
