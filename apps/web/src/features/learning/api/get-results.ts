import type { MyResults } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { learningQueryKey } from './get-my-learning';

export const resultsQueryKey = [...learningQueryKey, 'results'] as const;

/** My results: every course I am in, its lessons' standing, and my quiz attempts with the right answers. */
export function useMyResults() {
  return useQuery(
    queryOptions({
      queryKey: resultsQueryKey,
      queryFn: ({ signal }): Promise<MyResults> => api('learning.results', { signal }),
    }),
  );
}
