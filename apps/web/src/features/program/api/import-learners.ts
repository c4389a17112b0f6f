import type { ImportedLearner, ImportResult } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { cohortQueryKey } from './keys';

export type { ImportedLearner };

export function importLearners(cohortId: string, csv: string): Promise<ImportResult> {
  return api('cohorts.importLearners', { params: { id: cohortId }, body: { csv } });
}

export function useImportLearners(cohortId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => importLearners(cohortId, csv),
    onSuccess: () => client.invalidateQueries({ queryKey: cohortQueryKey(cohortId) }),
  });
}
