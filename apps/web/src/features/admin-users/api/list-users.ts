import type { ListUsersQuery, UserList } from '@dari/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type UsersFilter = ListUsersQuery;

export const usersQueryKey = ['admin-users'] as const;

export function listUsers(filter: UsersFilter, signal?: AbortSignal): Promise<UserList> {
  return api('adminUsers.list', { query: { ...filter }, signal });
}

export const usersQuery = (filter: UsersFilter) =>
  queryOptions({
    queryKey: [...usersQueryKey, 'list', filter],
    queryFn: ({ signal }) => listUsers(filter, signal),
    placeholderData: keepPreviousData,
  });

export function useUsers(filter: UsersFilter) {
  return useQuery(usersQuery(filter));
}
