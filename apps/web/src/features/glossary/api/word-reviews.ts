import type { WordReviewState } from '@dari/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { glossaryQueryKey } from './keys';

export const wordReviewsQueryKey = [...glossaryQueryKey, 'word-reviews'] as const;

/** Each saved word's flashcard state (Leitner box, next review), kept on the server so devices agree. */
export function useWordReviews() {
  return useQuery(
    queryOptions({
      queryKey: wordReviewsQueryKey,
      queryFn: ({ signal }) => api('words.reviews', { signal }),
    }),
  );
}

/** "알았어요" (known) or "다시 볼래요" for one card; the server moves the word's box and answers its new state. */
export function useRecordReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ termId, known }: { termId: string; known: boolean }) =>
      api('words.review', { params: { id: termId }, body: { known } }),
    onSuccess: (state: WordReviewState) =>
      client.setQueryData<{ items: WordReviewState[] }>(wordReviewsQueryKey, (old) =>
        old ? { items: old.items.map((r) => (r.termId === state.termId ? state : r)) } : old,
      ),
  });
}
