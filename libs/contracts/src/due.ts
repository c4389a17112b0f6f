import { z } from 'zod';
import { uuidSchema } from './common.js';
import { draftTextSchema } from './authoring.js';
import { ENROLMENT_STATUSES } from './learning.js';

/*
 * What's due (issue 17, docs/learning-together.md): a learner's to-do list, the sessions a manager
 * schedules for a cohort, and the cohort page's upcoming/overdue counts. Every day is a Korea day
 * (Asia/Seoul): a course due on 2027-03-05 is due until that day ends in Korea.
 */

const isoDate = z.iso.date({ error: 'must be a date like 2027-03-01' });

// ---- cohort sessions ----

/** A dated session of a cohort (a class meeting, an online call): nothing in it names a learner. */
export const cohortSessionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  place: z.string().nullable(),
  notes: z.string().nullable(),
});
export type CohortSession = z.infer<typeof cohortSessionSchema>;
export const cohortSessionListSchema = z.object({ items: z.array(cohortSessionSchema) });

const sessionTitle = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(120, { error: 'must be at most 120 characters' });
const sessionStartsAt = z.iso.datetime({
  offset: true,
  error: 'must be a date and time like 2027-03-05T19:00:00+09:00',
});
/** Empty text means "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .transform((s) => s || null)
    .nullable();

export const createCohortSessionSchema = z.strictObject({
  title: sessionTitle,
  startsAt: sessionStartsAt,
  place: optionalText(120).default(null),
  notes: optionalText(500).default(null),
});
export type CreateCohortSession = z.input<typeof createCohortSessionSchema>;
export const updateCohortSessionSchema = z.strictObject({
  title: sessionTitle.optional(),
  startsAt: sessionStartsAt.optional(),
  place: optionalText(120).optional(),
  notes: optionalText(500).optional(),
});
export type UpdateCohortSession = z.input<typeof updateCohortSessionSchema>;
/** Path parameters `:id/sessions/:sessionId`. */
export const cohortSessionParamSchema = z.strictObject({ id: uuidSchema, sessionId: uuidSchema });

// ---- the learner's to-do list ----

export const todoCourseSchema = z.object({
  courseId: z.uuid(),
  slug: z.string(),
  title: draftTextSchema(200),
  /** The earliest due date any of the learner's cohorts gives the course; null: assigned without one. */
  dueOn: isoDate.nullable(),
  /** Korea days from today to the due date: 0 due today, negative past it; null without a due date. */
  daysLeft: z.number().int().nullable(),
  status: z.enum(ENROLMENT_STATUSES),
  percent: z.number().int().min(0).max(100),
  /** The lesson "Continue" opens; null when every lesson is done. */
  next: z.object({ lessonId: z.uuid(), started: z.boolean() }).nullable(),
});
export type TodoCourse = z.infer<typeof todoCourseSchema>;
export const todoCohortSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  /** Sessions from today on (Korea time), the next few first. */
  sessions: z.array(cohortSessionSchema),
});
export type TodoCohort = z.infer<typeof todoCohortSchema>;
export const todoSchema = z.object({
  /** Today in Korea, the day `daysLeft` counts from. */
  today: isoDate,
  /** The courses the learner's cohorts assigned them, still to do first, the nearest due date first. */
  courses: z.array(todoCourseSchema),
  /** The learner's cohorts that have not ended. */
  cohorts: z.array(todoCohortSchema),
});
export type Todo = z.infer<typeof todoSchema>;

// ---- the manager's counts ----

export const cohortDueCourseSchema = z.object({
  courseId: z.uuid(),
  dueOn: isoDate.nullable(),
  daysLeft: z.number().int().nullable(),
  /** Learners of the cohort still working through the course (enrolled, not completed): a count, never who. */
  remaining: z.number().int(),
});
export const cohortDueCountsSchema = z.object({
  today: isoDate,
  /** Learner-courses still open whose due date is within the next 7 days (today included). */
  upcoming: z.number().int(),
  /** Learner-courses still open past their due date. */
  overdue: z.number().int(),
  courses: z.array(cohortDueCourseSchema),
});
export type CohortDueCounts = z.infer<typeof cohortDueCountsSchema>;
