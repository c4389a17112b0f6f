import type { GlossaryTermEntry, WordRequest, WORD_REQUEST_STATUSES } from '@dari/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { glossaryQueryKey, wordRequestsQueryKey } from './keys';

export type WordRequestStatus = (typeof WORD_REQUEST_STATUSES)[number];

export function askWord(body: { text: string; lessonId?: string }): Promise<WordRequest> {
  return apiRequest('/word-requests', { method: 'POST', body });
}

/** A learner asks about a word (from a lesson, or typed): it reaches the course's instructors. */
export function useAskWord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: askWord,
    onSuccess: () => void client.invalidateQueries({ queryKey: [...wordRequestsQueryKey, 'mine'] }),
  });
}

export function useMyWordRequests() {
  return useQuery(
    queryOptions({
      queryKey: [...wordRequestsQueryKey, 'mine'],
      queryFn: ({ signal }) => apiRequest<{ items: WordRequest[] }>('/me/word-requests', { signal }),
    }),
  );
}

export function useStaffWordRequests(status: WordRequestStatus) {
  return useQuery(
    queryOptions({
      queryKey: [...wordRequestsQueryKey, 'staff', status],
      queryFn: ({ signal }) => apiRequest<{ items: WordRequest[] }>('/word-requests', { query: { status }, signal }),
      placeholderData: keepPreviousData,
    }),
  );
}

export type Answer = { termId: string } | { newTerm: GlossaryTermEntry };

export function useAnswerWordRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: Answer }) =>
      apiRequest<WordRequest>(`/word-requests/${encodeURIComponent(id)}/answer`, { method: 'POST', body: answer }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: wordRequestsQueryKey });
      // A new term may have joined the glossary.
      void client.invalidateQueries({
        queryKey: glossaryQueryKey,
        predicate: (q) => q.queryKey[1] !== 'word-requests',
      });
    },
  });
}

export function useDismissWordRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<WordRequest>(`/word-requests/${encodeURIComponent(id)}/dismiss`, { method: 'POST', body: {} }),
    onSuccess: () => void client.invalidateQueries({ queryKey: wordRequestsQueryKey }),
  });
}
