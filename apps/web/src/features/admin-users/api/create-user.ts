import type { CreatedUser, CreateUser } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { usersQueryKey } from './list-users';

export function createUser(body: CreateUser): Promise<CreatedUser> {
  return api('adminUsers.create', { body });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => client.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
