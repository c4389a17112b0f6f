import type { CohortGrid, CourseReport, LearnerReport, ProgramReport } from '@dari/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { cohortQueryKey, reportsQueryKey } from './keys';

export type { LearnerReport };

export function useProgramReport() {
  return useQuery(
    queryOptions({
      queryKey: [...reportsQueryKey, 'program'],
      queryFn: ({ signal }): Promise<ProgramReport> => api('reports.program', { signal }),
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
        api('reports.cohort', {
          params: { id: cohortId },
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
      queryFn: ({ signal }): Promise<CourseReport> => api('reports.course', { params: { id: courseId }, signal }),
      enabled,
    }),
  );
}

/** Each view is audited by the API: keep it fresh only while the page is open, and never refetch on focus. */
export function useLearnerReport(userId: string, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: [...reportsQueryKey, 'learner', userId],
      queryFn: ({ signal }): Promise<LearnerReport> => api('reports.learner', { params: { id: userId }, signal }),
      enabled,
      refetchOnWindowFocus: false,
      gcTime: 0,
    }),
  );
}
