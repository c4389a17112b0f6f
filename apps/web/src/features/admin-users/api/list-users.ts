import type { Role, UserList, UserStatus } from '@dari/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';

export interface UsersFilter {
  q?: string;
  role?: Role;
  status?: UserStatus;
  page: number;
  pageSize: number;
}

export const usersQueryKey = ['admin-users'] as const;

export function listUsers(filter: UsersFilter, signal?: AbortSignal): Promise<UserList> {
  return apiRequest('/admin/users', { query: { ...filter }, signal });
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
