import type { Me, RedeemResetCode } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { startSession } from '../../../lib/session';
import { login } from './login';

export function redeemResetCode(body: RedeemResetCode): Promise<void> {
  return api('auth.redeemResetCode', { body });
}

/** Set the new password with the one-time code, then sign in with it. */
export function useRedeemResetCode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: RedeemResetCode): Promise<Me> => {
      await redeemResetCode(body);
      return login({ username: body.username, password: body.newPassword });
    },
    onSuccess: (me) => startSession(client, me),
  });
}
