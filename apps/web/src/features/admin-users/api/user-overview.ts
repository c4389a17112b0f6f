import type { UserOverview } from '@dari/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { usersQueryKey } from './list-users';

/** An account's cohorts and course enrolments, for the admin's user page (the API audits a learner's). */
export function useUserOverview(id: string, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: [...usersQueryKey, 'overview', id] as const,
      queryFn: ({ signal }): Promise<UserOverview> => api('adminUsers.overview', { params: { id }, signal }),
      enabled,
    }),
  );
}

/** Erases an account on request (audited by the API): it is removed or pseudonymised everywhere. */
export function useEraseUser(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api('users.erase', { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
