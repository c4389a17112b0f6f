import type { Login, Me } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { startSession } from '../../../lib/session';

export function login(body: Login): Promise<Me> {
  return api('auth.login', { body });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => startSession(client, me),
  });
}
