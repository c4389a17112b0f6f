import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { cohortQueryKey } from './keys';

export interface ImportedLearner {
  userId: string;
  username: string;
  displayName: string;
  code: string;
  expiresAt: string;
}

export function importLearners(cohortId: string, csv: string): Promise<{ created: ImportedLearner[] }> {
  return apiRequest(`/cohorts/${encodeURIComponent(cohortId)}/learners/import`, { method: 'POST', body: { csv } });
}

export function useImportLearners(cohortId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => importLearners(cohortId, csv),
    onSuccess: () => client.invalidateQueries({ queryKey: cohortQueryKey(cohortId) }),
  });
}
