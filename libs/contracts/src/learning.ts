import { z } from 'zod';
import { uuidSchema } from './common.js';
import { draftTextSchema } from './authoring.js';
import { quizReviewSchema } from './lesson-answers.js';

export const ENROLMENT_STATUSES = ['active', 'completed', 'withdrawn'] as const;
export const LESSON_STATUSES = ['not_started', 'in_progress', 'completed', 'skipped'] as const;

export const enrolSchema = z.strictObject({
  /** Required when the course's policy is `code`. */
  code: z.string().trim().toUpperCase().max(32).optional(),
});

export const enrolmentSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  slug: z.string(),
  title: draftTextSchema(200),
  status: z.enum(ENROLMENT_STATUSES),
  percent: z.number().int().min(0).max(100),
  enrolledAt: z.iso.datetime({ offset: true }),
  completedAt: z.iso.datetime({ offset: true }).nullable(),
  lastActivityAt: z.iso.datetime({ offset: true }).nullable(),
  /** Where "Continue" goes: the next lesson to do, and the position in it if one was saved. */
  next: z.object({ lessonId: z.uuid(), position: z.number().nullable() }).nullable(),
  certificateCode: z.string().nullable(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;
export const myLearningSchema = z.object({ items: z.array(enrolmentSchema) });

export const lessonProgressSchema = z.object({
  lessonId: z.uuid(),
  status: z.enum(LESSON_STATUSES),
  /** Sequential courses: not open until the previous required lesson is done. */
  locked: z.boolean(),
  timeSpentSeconds: z.number().int(),
  bestScore: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  attempts: z.number().int(),
  position: z.number().nullable(),
});
export type LessonProgress = z.infer<typeof lessonProgressSchema>;

export const courseProgressSchema = z.object({
  enrolment: enrolmentSchema.nullable(),
  version: z.number().int(),
  lessons: z.array(lessonProgressSchema),
});
export type CourseProgress = z.infer<typeof courseProgressSchema>;

/** A quiz answer: option keys for choice questions, true/false, or free text (short answer, not graded). */
export const quizAnswerSchema = z.union([z.array(z.string().max(64)).max(8), z.boolean(), z.string().max(5000)]);

const eventBase = {
  /** Made on the device: sending the same event again (retry, offline replay) records it once. */
  id: uuidSchema,
  lessonId: uuidSchema,
  /** When it happened on the device (may be long ago, for events queued offline). */
  occurredAt: z.iso.datetime({ offset: true }),
};

/** One learning event; each maps onto an xAPI statement (docs/xapi.md). */
export const learningEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...eventBase, type: z.literal('viewed') }),
  z.strictObject({ ...eventBase, type: z.literal('completed') }),
  /** A content-noted lesson skipped without penalty. */
  z.strictObject({ ...eventBase, type: z.literal('skipped') }),
  z.strictObject({ ...eventBase, type: z.literal('position'), position: z.number().min(0).max(1e7) }),
  z.strictObject({ ...eventBase, type: z.literal('time_spent'), seconds: z.number().int().min(1).max(3600) }),
  z.strictObject({
    ...eventBase,
    type: z.literal('quiz_submitted'),
    answers: z.record(z.string().max(64), quizAnswerSchema),
  }),
  /** A reflection written in the learner's private journal. */
  z.strictObject({
    ...eventBase,
    type: z.literal('reflection_saved'),
    text: z.string().max(20_000),
    shared: z.boolean(),
  }),
]);
export type LearningEvent = z.infer<typeof learningEventSchema>;
export const LEARNING_EVENT_TYPES = [
  'viewed',
  'completed',
  'skipped',
  'position',
  'time_spent',
  'quiz_submitted',
  'reflection_saved',
] as const;

export const eventBatchSchema = z.strictObject({ events: z.array(learningEventSchema).min(1).max(100) });
export type EventBatch = z.infer<typeof eventBatchSchema>;

export const EVENT_REJECTIONS = [
  'not_enrolled',
  'lesson_not_found',
  'locked',
  'no_content_note',
  'wrong_kind',
  'invalid_answers',
] as const;

export const eventResultSchema = z.object({
  id: z.uuid(),
  status: z.enum(['recorded', 'duplicate', 'rejected']),
  reason: z.enum(EVENT_REJECTIONS).optional(),
  message: z.string().optional(),
  /** For quiz_submitted: the server's grading, with the right answers and explanations (`review`). */
  quiz: z
    .object({
      score: z.number().int(),
      passed: z.boolean(),
      correct: z.record(z.string(), z.boolean()),
      review: quizReviewSchema,
    })
    .optional(),
});
export const eventBatchResultSchema = z.object({
  results: z.array(eventResultSchema),
  /** The enrolments touched, after the batch. */
  enrolments: z.array(enrolmentSchema),
});
export type EventBatchResult = z.infer<typeof eventBatchResultSchema>;

export const journalEntrySchema = z.object({
  lessonId: z.uuid(),
  courseId: z.uuid(),
  courseTitle: draftTextSchema(200),
  lessonTitle: draftTextSchema(200),
  text: z.string(),
  shared: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export const journalSchema = z.object({ items: z.array(journalEntrySchema) });

/** GET /me/quiz-attempts?lessonId=: the learner's own graded attempts at one quiz, newest first (only ever their own). */
export const myQuizAttemptsQuerySchema = z.strictObject({ lessonId: z.uuid() });
export const myQuizAttemptSchema = z.object({
  lessonId: z.uuid(),
  answers: z.record(z.string(), quizAnswerSchema),
  correct: z.record(z.string(), z.boolean()),
  score: z.number().int(),
  passed: z.boolean(),
  submittedAt: z.iso.datetime({ offset: true }),
  /** The right answers and explanations of the quiz as it is published now (questions since removed are absent). */
  review: quizReviewSchema,
});
export const myQuizAttemptsSchema = z.object({ items: z.array(myQuizAttemptSchema) });
export type MyQuizAttempt = z.infer<typeof myQuizAttemptSchema>;

/**
 * Where a learner's credential stands: `none` (never asked for), `issued` (valid),
 * `withdrawn` (the learner took it back: revoked, can ask again), `revoked` (by an admin: cannot ask again).
 * The admin's reason is never shown to the learner.
 */
export const CREDENTIAL_STATES = ['none', 'issued', 'withdrawn', 'revoked'] as const;
export const credentialStateSchema = z.object({
  state: z.enum(CREDENTIAL_STATES),
  /** When the current (or last) credential was issued; absent for `none`. */
  issuedAt: z.iso.datetime({ offset: true }).optional(),
});
export type CredentialState = z.infer<typeof credentialStateSchema>;

export const certificateSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  courseId: z.uuid(),
  courseTitle: draftTextSchema(200),
  name: z.string(),
  issuedAt: z.iso.datetime({ offset: true }),
  valid: z.boolean(),
  /** Its Open Badges 3.0 credential (issue 19; routes in credentials.ts). */
  credential: credentialStateSchema,
});
export type Certificate = z.infer<typeof certificateSchema>;
export const certificatesSchema = z.object({ items: z.array(certificateSchema) });
export const updateCertificateSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .normalize('NFC')
    .min(1, { error: 'must not be empty' })
    .max(80, { error: 'must be at most 80 characters' })
    // eslint-disable-next-line no-control-regex -- control characters are what this pattern rejects
    .refine((v) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u.test(v), {
      error: 'must not contain control characters',
    }),
});

/** What /verify/<code> shows to anyone: only the chosen name, the course, the date, and validity. */
export const certificateVerificationSchema = z.object({
  name: z.string(),
  courseTitle: draftTextSchema(200),
  issuedAt: z.iso.datetime({ offset: true }),
  valid: z.boolean(),
});
export const certificateCodeParamSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z2-9]{4}-?[A-Z2-9]{4}-?[A-Z2-9]{4}$/, { error: 'is not a certificate code' }),
});

// The type of every schema above that has no type beside it.
export type Enrol = z.input<typeof enrolSchema>;
export type MyLearning = z.infer<typeof myLearningSchema>;
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;
export type EventResult = z.infer<typeof eventResultSchema>;
export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type Journal = z.infer<typeof journalSchema>;
export type MyQuizAttemptsQuery = z.infer<typeof myQuizAttemptsQuerySchema>;
export type MyQuizAttempts = z.infer<typeof myQuizAttemptsSchema>;
export type Certificates = z.infer<typeof certificatesSchema>;
export type UpdateCertificate = z.infer<typeof updateCertificateSchema>;
export type CertificateVerification = z.infer<typeof certificateVerificationSchema>;
export type CertificateCodeParam = z.infer<typeof certificateCodeParamSchema>;
