import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api';
import { cancelSigningOut, endSession, startSigningOut } from '../../../lib/session';

export function logout(): Promise<void> {
  return api('auth.logout');
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await logout();
      } catch (error) {
        // Already signed out on the server: that is what the person wanted.
        if (!(isApiError(error) && error.code === 'unauthenticated')) throw error;
      }
    },
    onMutate: () => startSigningOut(client),
    onError: () => cancelSigningOut(client),
    onSuccess: () => endSession(client, 'signed-out'),
  });
}
