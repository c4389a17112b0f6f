import type { CohortGrid, CourseReport, ProgramReport } from '@dari/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { cohortQueryKey, reportsQueryKey } from './keys';

type Text = { ko: string; en?: string; zh?: string };

export interface LearnerReport {
  learner: { id: string; displayName: string };
  courses: {
    courseId: string;
    title: Text;
    status: 'active' | 'completed' | 'withdrawn';
    percent: number;
    completedAt: string | null;
    lastActiveAt: string | null;
    lessons: { lessonId: string; title: Text; status: string; bestScore: number | null }[];
  }[];
}

export function useProgramReport() {
  return useQuery(
    queryOptions({
      queryKey: [...reportsQueryKey, 'program'],
      queryFn: ({ signal }): Promise<ProgramReport> => apiRequest('/reports/program', { signal }),
    }),
  );
}

/** A grid page is found by cursor (a learner id from the previous answer), never by offset: any depth costs the same. */
export interface GridFilter {
  pageSize: number;
  atRisk: boolean;
  after?: string;
  before?: string;
}

export function useCohortGrid(cohortId: string, filter: GridFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...cohortQueryKey(cohortId), 'grid', filter],
      queryFn: ({ signal }): Promise<CohortGrid> =>
        apiRequest(`/reports/cohorts/${encodeURIComponent(cohortId)}`, {
          query: {
            pageSize: filter.pageSize,
            atRisk: filter.atRisk ? 'true' : undefined,
            after: filter.after,
            before: filter.before,
          },
          signal,
        }),
      placeholderData: keepPreviousData,
    }),
  );
}

export function useCourseReport(courseId: string, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: [...reportsQueryKey, 'course', courseId],
      queryFn: ({ signal }): Promise<CourseReport> =>
        apiRequest(`/reports/courses/${encodeURIComponent(courseId)}`, { signal }),
      enabled,
    }),
  );
}

/** Each view is audited by the API: keep it fresh only while the page is open, and never refetch on focus. */
export function useLearnerReport(userId: string, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: [...reportsQueryKey, 'learner', userId],
      queryFn: ({ signal }): Promise<LearnerReport> =>
        apiRequest(`/reports/learners/${encodeURIComponent(userId)}`, { signal }),
      enabled,
      refetchOnWindowFocus: false,
      gcTime: 0,
    }),
  );
}
