import type { LessonQaItem, Question, QuestionList } from '@dari/contracts';
import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const questionsInboxQueryKey = ['questions', 'inbox'] as const;
/** Questions a page asks for at a time (the API allows up to 100). */
export const QUESTIONS_PAGE = 30;

/** Questions on the courses I teach: open ones first, oldest first; a page at a time (keyset cursor). */
export function useQuestionsInbox() {
  return useInfiniteQuery({
    queryKey: questionsInboxQueryKey,
    queryFn: ({ signal, pageParam }): Promise<QuestionList> =>
      api('questions.inbox', {
        query: pageParam ? { cursor: pageParam, limit: QUESTIONS_PAGE } : { limit: QUESTIONS_PAGE },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last: QuestionList) => last.next ?? undefined,
  });
}

/**
 * The loaded pages as one list, each question once. A question answered while the pages were read comes
 * again among the answered ones (the API's order is by asking time, which answering does not change): it
 * keeps its first place and shows its newest state.
 */
export function inboxQuestions(pages: readonly QuestionList[]): Question[] {
  const newest = new Map<string, Question>();
  for (const p of pages) for (const q of p.items) newest.set(q.id, q);
  const out: Question[] = [];
  for (const p of pages)
    for (const q of p.items) {
      const latest = newest.get(q.id);
      if (latest) {
        out.push(latest);
        newest.delete(q.id);
      }
    }
  return out;
}

/** Changes one question wherever it sits among the loaded pages. */
function updateLoaded(client: ReturnType<typeof useQueryClient>, id: string, change: (q: Question) => Question): void {
  client.setQueryData<InfiniteData<QuestionList, string>>(questionsInboxQueryKey, (old) =>
    old
      ? { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.map((q) => (q.id === id ? change(q) : q)) })) }
      : old,
  );
}

export function useAnswerQuestion(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answer: string): Promise<Question> => api('questions.answer', { params: { id }, body: { answer } }),
    onSuccess: (updated) => updateLoaded(client, id, () => updated),
  });
}

export function usePublishQuestion(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { question: string; answer: string }): Promise<LessonQaItem> =>
      api('questions.publish', { params: { id }, body }),
    onSuccess: (published) => updateLoaded(client, id, (q) => ({ ...q, publishedAt: published.publishedAt })),
  });
}
