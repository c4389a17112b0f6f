import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { catalogQueryKey, learningQueryKey } from '@/features/learning';

/** A signed-in learner joins one more cohort with its code (POST /me/cohorts); a member already: no change. */
export function joinWithCode(code: string): Promise<{ cohortName: string }> {
  return api('me.joinCohort', { body: { code } });
}

export function useJoinWithCode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: joinWithCode,
    // The cohort's courses are now the learner's: My learning and the catalogue are read again.
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: learningQueryKey });
      await client.invalidateQueries({ queryKey: catalogQueryKey });
    },
  });
}
