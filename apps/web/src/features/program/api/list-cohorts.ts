import type { Cohort } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { cohortsQueryKey } from './keys';

export function listCohorts(signal?: AbortSignal): Promise<{ items: Cohort[] }> {
  return api('cohorts.list', { signal });
}

export function useCohorts() {
  return useQuery(
    queryOptions({ queryKey: [...cohortsQueryKey, 'list'], queryFn: ({ signal }) => listCohorts(signal) }),
  );
}
