import { z } from 'zod';
import { draftTextSchema } from './authoring.js';
import { LESSON_STATUSES, quizAnswerSchema } from './learning.js';

/**
 * Questions to the instructor (issue 17). A learner asks privately about a lesson; only the course's
 * instructors see it and answer. An instructor may publish an edited copy of the question with the
 * answer to the lesson's Q&A: a separate row with no link to the asker.
 */
export const QUESTION_STATUSES = ['open', 'answered'] as const;
export const QUESTION_TEXT_MAX = 2000;
export const QUESTION_ANSWER_MAX = 5000;
/** How many questions one person may ask in 24 hours (all lessons together). */
export const QUESTIONS_PER_DAY = 20;

const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .normalize('NFC')
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

export const askQuestionSchema = z.strictObject({ text: text(QUESTION_TEXT_MAX) });
export const answerQuestionSchema = z.strictObject({ answer: text(QUESTION_ANSWER_MAX) });
/** What goes public: the instructor's own edited wording of the question, and the answer. */
export const publishQuestionSchema = z.strictObject({
  question: text(QUESTION_TEXT_MAX),
  answer: text(QUESTION_ANSWER_MAX),
});
/** The instructor's inbox is read a page at a time (keyset: no OFFSET). */
export const QUESTION_PAGE_MAX = 100;
export const questionQuerySchema = z.strictObject({
  status: z.enum(QUESTION_STATUSES).optional(),
  /** The `next` of the previous page: `<0 open|1 answered>_<asking time, µs since 1970>_<id>`. */
  cursor: z
    .string()
    .regex(/^[01]_-?\d{1,17}_[0-9a-f-]{36}$/, { error: 'is not a page cursor' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(QUESTION_PAGE_MAX).default(50),
});

/** A private question, as its asker and the course's instructors see it (never with the asker's name). */
export const questionSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  courseSlug: z.string(),
  courseTitle: draftTextSchema(200),
  lessonId: z.uuid(),
  lessonTitle: draftTextSchema(200).nullable(),
  text: z.string(),
  status: z.enum(QUESTION_STATUSES),
  answer: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  answeredAt: z.iso.datetime({ offset: true }).nullable(),
  /** An edited copy was published to the lesson's Q&A. */
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Question = z.infer<typeof questionSchema>;
export const questionListSchema = z.object({
  items: z.array(questionSchema),
  /** The instructor's inbox only: the cursor of the next page, null on the last. */
  next: z.string().nullable().optional(),
});

/** A published question and answer under a lesson: written by an instructor, nobody's name on it. */
export const lessonQaItemSchema = z.object({
  id: z.uuid(),
  question: z.string(),
  answer: z.string(),
  publishedAt: z.iso.datetime({ offset: true }),
});
export type LessonQaItem = z.infer<typeof lessonQaItemSchema>;
export const lessonQaSchema = z.object({
  items: z.array(lessonQaItemSchema),
  /**
   * Whether the reader may take a published item down (POST /qa/:id/unpublish): the course's instructors, a
   * manager of a cohort the course is assigned to, an admin. Absent for everyone else.
   */
  canUnpublish: z.boolean().optional(),
});

// ---- my results ----

/** A quiz question as the results page shows it, only once the learner has made an attempt. */
export const resultQuestionSchema = z.object({
  key: z.string(),
  type: z.enum(['single', 'multiple', 'true_false', 'short_answer']),
  prompt: draftTextSchema(2000),
  explanation: draftTextSchema(2000),
  options: z.array(z.object({ key: z.string(), text: draftTextSchema(500), correct: z.boolean() })),
  /** true/false questions: the right answer. */
  answer: z.boolean().nullable(),
});
export const resultAttemptSchema = z.object({
  answers: z.record(z.string(), quizAnswerSchema),
  correct: z.record(z.string(), z.boolean()),
  score: z.number().int(),
  passed: z.boolean(),
  submittedAt: z.iso.datetime({ offset: true }),
});
export const quizResultSchema = z.object({
  lessonId: z.uuid(),
  title: draftTextSchema(200),
  passMark: z.number().int(),
  bestScore: z.number().int().nullable(),
  passed: z.boolean(),
  /** Newest first, at most 20. */
  attempts: z.array(resultAttemptSchema),
  /** Empty until the first attempt: the right answers are shown only after trying. */
  questions: z.array(resultQuestionSchema),
});
export type QuizResult = z.infer<typeof quizResultSchema>;
export const courseResultsSchema = z.object({
  courseId: z.uuid(),
  slug: z.string(),
  title: draftTextSchema(200),
  percent: z.number().int(),
  completedAt: z.iso.datetime({ offset: true }).nullable(),
  lessons: z.array(
    z.object({
      lessonId: z.uuid(),
      title: draftTextSchema(200),
      kind: z.enum(['reading', 'media', 'quiz', 'reflection']),
      required: z.boolean(),
      status: z.enum(LESSON_STATUSES),
    }),
  ),
  quizzes: z.array(quizResultSchema),
});
export type CourseResults = z.infer<typeof courseResultsSchema>;
export const myResultsSchema = z.object({ items: z.array(courseResultsSchema) });

// The type of every schema above that has no type beside it.
export type AskQuestion = z.infer<typeof askQuestionSchema>;
export type AnswerQuestion = z.infer<typeof answerQuestionSchema>;
export type PublishQuestion = z.infer<typeof publishQuestionSchema>;
export type QuestionQuery = z.infer<typeof questionQuerySchema>;
export type QuestionList = z.infer<typeof questionListSchema>;
export type LessonQa = z.infer<typeof lessonQaSchema>;
export type ResultQuestion = z.infer<typeof resultQuestionSchema>;
export type ResultAttempt = z.infer<typeof resultAttemptSchema>;
export type MyResults = z.infer<typeof myResultsSchema>;
