import type { Me, UpdateMe } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { meQueryKey } from '../../../lib/session';

export function updateMe(body: UpdateMe): Promise<Me> {
  return api('me.update', { body });
}

export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => client.setQueryData(meQueryKey, me),
  });
}
