import type { Cohort } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { cohortQueryKey } from './keys';

export function getCohort(id: string, signal?: AbortSignal): Promise<Cohort> {
  return api('cohorts.get', { params: { id }, signal });
}

export function useCohort(id: string, enabled = true) {
  return useQuery(
    queryOptions({ queryKey: cohortQueryKey(id), queryFn: ({ signal }) => getCohort(id, signal), enabled }),
  );
}
