import type { Cohort, UpdateCohort } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { cohortQueryKey, cohortsQueryKey } from './keys';

export type { UpdateCohort };

export function updateCohort(id: string, body: UpdateCohort): Promise<Cohort> {
  return api('cohorts.update', { params: { id }, body });
}

export function useUpdateCohort(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCohort) => updateCohort(id, body),
    onSuccess: (cohort) => {
      client.setQueryData(cohortQueryKey(id), cohort);
      void client.invalidateQueries({ queryKey: [...cohortsQueryKey, 'list'] });
    },
  });
}
