import type { MyQuizAttempt } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { learningQueryKey } from './get-my-learning';

export const quizAttemptsQueryKey = (lessonId: string) => [...learningQueryKey, 'quiz-attempts', lessonId] as const;

export function getQuizAttempts(lessonId: string, signal?: AbortSignal): Promise<{ items: MyQuizAttempt[] }> {
  return api('learning.quizAttempts', { query: { lessonId }, signal });
}

/** The learner's own last graded attempt at a quiz (null when there is none), to show again after a reload. */
export function useLastQuizAttempt(lessonId: string | undefined, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: quizAttemptsQueryKey(lessonId ?? ''),
      queryFn: async ({ signal }) => (await getQuizAttempts(lessonId ?? '', signal)).items[0] ?? null,
      enabled: enabled && Boolean(lessonId),
      // Offline or refused: the quiz simply starts fresh.
      retry: false,
    }),
  );
}
