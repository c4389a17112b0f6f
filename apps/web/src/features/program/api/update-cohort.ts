import type { Cohort } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { cohortQueryKey, cohortsQueryKey } from './keys';

export interface UpdateCohort {
  name?: string;
  description?: string;
  startsOn?: string | null;
  endsOn?: string | null;
}

export function updateCohort(id: string, body: UpdateCohort): Promise<Cohort> {
  return apiRequest(`/cohorts/${encodeURIComponent(id)}`, { method: 'PATCH', body });
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
