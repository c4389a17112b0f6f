import type { LessonQa, Question, QuestionList } from '@dari/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { learningQueryKey } from './get-my-learning';

export const myQuestionsQueryKey = [...learningQueryKey, 'questions'] as const;
export const lessonQaQueryKey = (lessonId: string) => [...learningQueryKey, 'lesson-qa', lessonId] as const;

/** My own questions (every lesson); the lesson page shows those about its lesson. */
export function useMyQuestions() {
  return useQuery(
    queryOptions({
      queryKey: myQuestionsQueryKey,
      queryFn: ({ signal }): Promise<QuestionList> => api('questions.mine', { signal }),
    }),
  );
}

/** What the course's instructors published under the lesson, without anyone's name. */
export function useLessonQa(lessonId: string) {
  return useQuery(
    queryOptions({
      queryKey: lessonQaQueryKey(lessonId),
      queryFn: ({ signal }): Promise<LessonQa> => api('questions.lessonQa', { params: { id: lessonId }, signal }),
    }),
  );
}

export function useAskQuestion(lessonId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string): Promise<Question> => api('questions.ask', { params: { id: lessonId }, body: { text } }),
    onSuccess: (asked) =>
      client.setQueryData<QuestionList>(myQuestionsQueryKey, (old) =>
        old ? { items: [asked, ...old.items] } : { items: [asked] },
      ),
  });
}

/** Takes a published question and answer down (the course's staff only; the API decides). */
export function useUnpublishQa(lessonId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (qaId: string) => api('questions.unpublish', { params: { id: qaId } }),
    onSettled: () => client.invalidateQueries({ queryKey: lessonQaQueryKey(lessonId) }),
  });
}
