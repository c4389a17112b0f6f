import type { Enrolment } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { learningQueryKey } from './get-my-learning';

export function withdraw(enrolmentId: string): Promise<Enrolment> {
  return apiRequest(`/enrolments/${encodeURIComponent(enrolmentId)}/withdraw`, { method: 'POST' });
}

export function useWithdraw() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: withdraw,
    onSuccess: () => client.invalidateQueries({ queryKey: learningQueryKey }),
  });
}
