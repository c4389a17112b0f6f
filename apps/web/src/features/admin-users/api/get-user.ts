import type { UserSummary } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { usersQueryKey } from './list-users';

export const userQueryKey = (id: string) => [...usersQueryKey, 'one', id] as const;

export function getUser(id: string, signal?: AbortSignal): Promise<UserSummary> {
  return api('adminUsers.get', { params: { id }, signal });
}

export function useUser(id: string, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: userQueryKey(id),
      queryFn: ({ signal }) => getUser(id, signal),
      enabled,
    }),
  );
}
