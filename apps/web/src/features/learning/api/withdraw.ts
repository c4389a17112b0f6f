import type { Enrolment } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { learningQueryKey } from './get-my-learning';

export function withdraw(enrolmentId: string): Promise<Enrolment> {
  return api('learning.withdraw', { params: { id: enrolmentId } });
}

export function useWithdraw() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: withdraw,
    onSuccess: () => client.invalidateQueries({ queryKey: learningQueryKey }),
  });
}
