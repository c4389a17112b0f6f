import type { Me, UpdateMe } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { meQueryKey } from '../../../lib/session';

export function updateMe(body: UpdateMe): Promise<Me> {
  return apiRequest('/me', { method: 'PATCH', body });
}

export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => client.setQueryData(meQueryKey, me),
  });
}
