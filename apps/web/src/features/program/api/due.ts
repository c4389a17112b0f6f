import type { CohortDueCounts, CohortSession, CreateCohortSession, UpdateCohortSession } from '@dari/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { cohortQueryKey } from './keys';

/** A cohort's dated sessions and its upcoming/overdue counts (issue 17), under the cohort's key. */
export const sessionsKey = (cohortId: string) => [...cohortQueryKey(cohortId), 'sessions'] as const;
export const dueCountsKey = (cohortId: string) => [...cohortQueryKey(cohortId), 'due'] as const;

export function useSessions(cohortId: string) {
  return useQuery(
    queryOptions({
      queryKey: sessionsKey(cohortId),
      queryFn: ({ signal }): Promise<{ items: CohortSession[] }> =>
        api('cohorts.sessions', { params: { id: cohortId }, signal }),
    }),
  );
}

export function useDueCounts(cohortId: string) {
  return useQuery(
    queryOptions({
      queryKey: dueCountsKey(cohortId),
      queryFn: ({ signal }): Promise<CohortDueCounts> => api('cohorts.dueCounts', { params: { id: cohortId }, signal }),
    }),
  );
}

function useSessionChange<A>(cohortId: string, fn: (arg: A) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: sessionsKey(cohortId) }),
  });
}

export function useCreateSession(cohortId: string) {
  return useSessionChange(cohortId, (body: CreateCohortSession) =>
    api('cohorts.createSession', { params: { id: cohortId }, body }),
  );
}

export function useUpdateSession(cohortId: string) {
  return useSessionChange(cohortId, ({ sessionId, body }: { sessionId: string; body: UpdateCohortSession }) =>
    api('cohorts.updateSession', { params: { id: cohortId, sessionId }, body }),
  );
}

export function useDeleteSession(cohortId: string) {
  return useSessionChange(cohortId, (sessionId: string) =>
    api('cohorts.deleteSession', { params: { id: cohortId, sessionId } }),
  );
}
