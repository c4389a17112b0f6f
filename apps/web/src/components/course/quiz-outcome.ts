import type { QuizReview } from '@dari/contracts';

/**
 * What became of a submitted attempt: the server's grading (with `review`, the right answers and the
 * explanations, which the learner's copy of the quiz does not have), or waiting on the phone (offline), or refused.
 */
export type QuizOutcome =
  | { state: 'graded'; score: number; passed: boolean; correct: Record<string, boolean>; review: QuizReview }
  | { state: 'queued' }
  | { state: 'refused'; message: string };

export type QuizAnswers = Record<string, string[] | boolean | string>;

/** Sends an attempt; `later` receives the grading of an attempt that first had to wait (offline). */
export type SubmitQuiz = (answers: QuizAnswers, later: (outcome: QuizOutcome) => void) => Promise<QuizOutcome>;
