import type { ChangePassword } from '@dari/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** Other sessions of this person end; this one stays. */
export function changePassword(body: ChangePassword): Promise<void> {
  return api('me.changePassword', { body });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
