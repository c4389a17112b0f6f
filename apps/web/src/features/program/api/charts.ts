import type { CohortCharts } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { cohortQueryKey } from './keys';

/** The cohort's charts (weekly active learners, completions per course): aggregates only, under the cohort's key. */
export function useCohortCharts(cohortId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...cohortQueryKey(cohortId), 'charts'],
      queryFn: ({ signal }): Promise<CohortCharts> => api('reports.cohortCharts', { params: { id: cohortId }, signal }),
    }),
  );
}
