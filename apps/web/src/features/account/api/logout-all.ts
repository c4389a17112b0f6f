import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { endSession } from '../../../lib/session';

/** Ends every session of this person, this one included. */
export function logoutAll(): Promise<void> {
  return api('auth.logoutAll');
}

export function useLogoutAll() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logoutAll,
    onSuccess: () => endSession(client, 'signed-out'),
  });
}
