import type { UpdateUser, UserSummary } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { userQueryKey } from './get-user';
import { usersQueryKey } from './list-users';

export function updateUser(id: string, body: UpdateUser): Promise<UserSummary> {
  return api('adminUsers.update', { params: { id }, body });
}

export function useUpdateUser(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUser) => updateUser(id, body),
    onSuccess: (user) => {
      client.setQueryData(userQueryKey(id), user);
      void client.invalidateQueries({ queryKey: [...usersQueryKey, 'list'] });
    },
  });
}
