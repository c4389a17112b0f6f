import type { Enrolment } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { learningQueue } from '../queue/learning-queue';
import { learningQueryKey } from './get-my-learning';

export function enrol(slug: string, code?: string): Promise<Enrolment> {
  return api('learning.enrol', { params: { slug }, body: code ? { code } : {} });
}

/**
 * One tap for an open course; the course code for a coded one. Also re-enrols after withdrawing. Once
 * joined, work done in the course that the server refused before ("not joined") is sent again.
 */
export function useEnrol(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code?: string) => enrol(slug, code),
    onSuccess: () => {
      void learningQueue().retryCourse(slug);
      return client.invalidateQueries({ queryKey: learningQueryKey });
    },
  });
}
