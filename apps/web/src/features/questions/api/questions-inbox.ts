import type { LessonQaItem, Question, QuestionList } from '@dari/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const questionsInboxQueryKey = ['questions', 'inbox'] as const;

/** Questions on the courses I teach: open ones first, oldest first. */
export function useQuestionsInbox() {
  return useQuery(
    queryOptions({
      queryKey: questionsInboxQueryKey,
      queryFn: ({ signal }): Promise<QuestionList> => api('questions.inbox', { query: {}, signal }),
    }),
  );
}

export function useAnswerQuestion(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answer: string): Promise<Question> => api('questions.answer', { params: { id }, body: { answer } }),
    onSuccess: (updated) =>
      client.setQueryData<QuestionList>(questionsInboxQueryKey, (old) =>
        old ? { items: old.items.map((q) => (q.id === updated.id ? updated : q)) } : old,
      ),
  });
}

export function usePublishQuestion(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { question: string; answer: string }): Promise<LessonQaItem> =>
      api('questions.publish', { params: { id }, body }),
    onSuccess: (published) =>
      client.setQueryData<QuestionList>(questionsInboxQueryKey, (old) =>
        old ? { items: old.items.map((q) => (q.id === id ? { ...q, publishedAt: published.publishedAt } : q)) } : old,
      ),
  });
}
