import type { GlossaryTermEntry, WordRequest, WORD_REQUEST_STATUSES } from '@dari/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { glossaryQueryKey, wordRequestsQueryKey } from './keys';

export type WordRequestStatus = (typeof WORD_REQUEST_STATUSES)[number];

export function askWord(body: { text: string; lessonId?: string }): Promise<WordRequest> {
  return api('wordRequests.ask', { body });
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
      queryFn: ({ signal }) => api('wordRequests.mine', { signal }),
    }),
  );
}

export function useStaffWordRequests(status: WordRequestStatus) {
  return useQuery(
    queryOptions({
      queryKey: [...wordRequestsQueryKey, 'staff', status],
      queryFn: ({ signal }) => api('wordRequests.list', { query: { status }, signal }),
      placeholderData: keepPreviousData,
    }),
  );
}

export type Answer = { termId: string } | { newTerm: GlossaryTermEntry };

export function useAnswerWordRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: Answer }) =>
      api('wordRequests.answer', { params: { id }, body: answer }),
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
    mutationFn: (id: string) => api('wordRequests.dismiss', { params: { id }, body: {} }),
    onSuccess: () => void client.invalidateQueries({ queryKey: wordRequestsQueryKey }),
  });
}
