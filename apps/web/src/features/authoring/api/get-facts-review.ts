import type { FactReviewList } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const factsReviewQueryKey = ['facts', 'review'] as const;

export function getFactsReview(signal?: AbortSignal): Promise<FactReviewList> {
  return api('facts.review', { signal });
}

/** The dated facts due for review (instructors and admins only). */
export function useFactsReview(enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: factsReviewQueryKey,
      queryFn: ({ signal }) => getFactsReview(signal),
      enabled,
      staleTime: 60 * 60 * 1000,
    }),
  );
}
