import type { Cohort, CreateCohort } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { cohortQueryKey, cohortsQueryKey } from './keys';

export function createCohort(body: CreateCohort): Promise<Cohort> {
  return api('cohorts.create', { body });
}

export function useCreateCohort() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createCohort,
    onSuccess: (cohort) => {
      client.setQueryData(cohortQueryKey(cohort.id), cohort);
      void client.invalidateQueries({ queryKey: [...cohortsQueryKey, 'list'] });
    },
  });
}
