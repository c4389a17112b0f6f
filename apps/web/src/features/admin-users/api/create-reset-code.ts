import type { ResetCode } from '@dari/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';

/** The code is never cached: it lives only in the page that asked for it. */
export function createResetCode(id: string): Promise<ResetCode> {
  return apiRequest(`/admin/users/${encodeURIComponent(id)}/reset-code`, { method: 'POST' });
}

export function useCreateResetCode(id: string) {
  return useMutation({ mutationFn: () => createResetCode(id) });
}
