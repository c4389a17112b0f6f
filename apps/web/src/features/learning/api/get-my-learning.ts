import type { Enrolment } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const learningQueryKey = ['learning'] as const;
export const myLearningQueryKey = [...learningQueryKey, 'mine'] as const;

export function getMyLearning(signal?: AbortSignal): Promise<{ items: Enrolment[] }> {
  return api('learning.mine', { signal });
}

export const myLearningQuery = queryOptions({
  queryKey: myLearningQueryKey,
  queryFn: ({ signal }) => getMyLearning(signal),
});

export function useMyLearning() {
  return useQuery(myLearningQuery);
}
