import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { endSession } from '../../../lib/session';

/** Erases the signed-in person's account after their password; every session ends. */
export function useEraseMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api('me.erase', { body: { password } }),
    // The sign-in page then says the account was erased, not merely signed out.
    onSuccess: () => endSession(client, 'erased'),
  });
}
