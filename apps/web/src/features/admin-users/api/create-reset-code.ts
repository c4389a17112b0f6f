import type { ResetCode } from '@dari/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** The code is never cached: it lives only in the page that asked for it. */
export function createResetCode(id: string): Promise<ResetCode> {
  return api('adminUsers.resetCode', { params: { id } });
}

export function useCreateResetCode(id: string) {
  return useMutation({ mutationFn: () => createResetCode(id) });
}
