import { z } from 'zod';
import { displayNameSchema, passwordSchema, usernameSchema } from './users.js';
import { localeSchema, roleSchema, uuidSchema } from './common.js';
import { draftTextSchema } from './authoring.js';
import { PRIVACY_NOTICE_VERSION } from './constants.js';

const isoDate = z.iso.date({ error: 'must be a date like 2027-03-01' });

export const COHORT_ROLES = ['manager', 'instructor', 'learner'] as const;
export const cohortRoleSchema = z.enum(COHORT_ROLES);

export const createCohortSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(100, { error: 'must be at most 100 characters' }),
    description: z.string().trim().max(1000).default(''),
    startsOn: isoDate.nullable().default(null),
    endsOn: isoDate.nullable().default(null),
  })
  .refine((c) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn, {
    error: 'must not be before the start date',
    path: ['endsOn'],
  });
export type CreateCohort = z.input<typeof createCohortSchema>;
export const updateCohortSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().max(1000).optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
});

export const cohortCourseSchema = z.object({
  courseId: z.uuid(),
  slug: z.string(),
  title: draftTextSchema(200),
  dueOn: isoDate.nullable(),
});
export const cohortSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  counts: z.object({ managers: z.number().int(), instructors: z.number().int(), learners: z.number().int() }),
  courses: z.array(cohortCourseSchema),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Cohort = z.infer<typeof cohortSchema>;
export const cohortListSchema = z.object({ items: z.array(cohortSchema) });

export const cohortMemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: cohortRoleSchema,
  addedAt: z.iso.datetime({ offset: true }),
  /** The caller may make a one-time password code for this member: an admin for any learner, a manager for a learner wholly in their care. */
  canResetPassword: z.boolean(),
});
export type CohortMember = z.infer<typeof cohortMemberSchema>;
export const cohortMembersSchema = z.object({
  items: z.array(cohortMemberSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CohortMembers = z.infer<typeof cohortMembersSchema>;
export const cohortMembersQuerySchema = z.strictObject({
  role: cohortRoleSchema.optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const addMembersSchema = z.strictObject({
  members: z
    .array(z.strictObject({ userId: uuidSchema, role: cohortRoleSchema }))
    .min(1)
    .max(500),
});
export const memberParamSchema = z.strictObject({ id: uuidSchema, userId: uuidSchema });

/** A manager corrects a learner's display name (a typo, a broken import): only for a learner wholly in their care, like reset codes. */
export const renameMemberSchema = z.strictObject({ displayName: displayNameSchema });
export type RenameMember = z.infer<typeof renameMemberSchema>;

/**
 * Finding an existing account to add to a cohort: by its exact username only (no partial match, no
 * listing), in the body so the username stays out of URLs and logs. The answer names the account so
 * the manager can confirm it is the right person.
 */
export const memberLookupSchema = z.strictObject({ username: usernameSchema });
export const memberLookupResultSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  accountRole: roleSchema,
  /** The person's role in this cohort already, if any. */
  member: cohortRoleSchema.nullable(),
  /** The cohort roles this account can take (a learner account only learns; staff accounts only teach or manage). */
  allowedRoles: z.array(cohortRoleSchema),
});
export type MemberLookupResult = z.infer<typeof memberLookupResultSchema>;

export const joinCodeSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  /** Can be used right now. */
  usable: z.boolean(),
});
export const joinCodeListSchema = z.object({ items: z.array(joinCodeSchema) });
export const createJoinCodeSchema = z.strictObject({
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
  maxUses: z.number().int().min(1).max(10_000).nullable().default(null),
});

/** Join codes as people type them: 10 letters/digits, dashes and spaces ignored, any case. */
export const joinCodeInputSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z2-9]{10}$/, { error: 'must be the 10-character code you were given' }));
export const joinCodeParamSchema = z.strictObject({ code: joinCodeInputSchema });
export const joinPreviewSchema = z.object({ cohortName: z.string() });

export const joinSchema = z.strictObject({
  code: joinCodeInputSchema,
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
  locale: localeSchema,
  acceptPrivacy: z.literal(true, { error: 'must be accepted to join' }),
  privacyVersion: z.literal(PRIVACY_NOTICE_VERSION, { error: 'is not the current privacy notice: reload the page' }),
});

export const importLearnersSchema = z.strictObject({
  /** CSV with a header row: username,displayName,language (language optional: ko, en or zh). */
  csv: z.string().min(1, { error: 'must not be empty' }).max(1_000_000, { error: 'is too long: at most 1 MB of CSV' }),
});
export const importedLearnerSchema = z.object({
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  code: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export const importResultSchema = z.object({ created: z.array(importedLearnerSchema) });

export const assignCourseSchema = z.strictObject({ courseId: uuidSchema, dueOn: isoDate.nullable().default(null) });
export const cohortCourseParamSchema = z.strictObject({ id: uuidSchema, courseId: uuidSchema });

// ---- reports ----

const rate = z.number().min(0).max(1);
export const programReportSchema = z.object({
  activeLast7Days: z.number().int(),
  activeLast30Days: z.number().int(),
  learners: z.number().int(),
  enrolments: z.number().int(),
  completions: z.number().int(),
  completionRate: rate,
  cohorts: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      learners: z.number().int(),
      enrolments: z.number().int(),
      completions: z.number().int(),
      completionRate: rate,
    }),
  ),
  courses: z.array(
    z.object({
      id: z.uuid(),
      title: draftTextSchema(200),
      enrolments: z.number().int(),
      completions: z.number().int(),
      completionRate: rate,
    }),
  ),
});
export type ProgramReport = z.infer<typeof programReportSchema>;

/**
 * A page of the grid, in display-name order. `after` / `before` (a learner's id from `nextCursor` /
 * `prevCursor`) page by keyset and cost the same at any depth; `page` (offset) is kept for shallow
 * pages and cannot be combined with a cursor.
 */
export const cohortGridQuerySchema = z
  .strictObject({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
    atRisk: z.enum(['true', 'false']).optional(),
    after: uuidSchema.optional(),
    before: uuidSchema.optional(),
  })
  .refine((q) => !(q.after && q.before), { error: 'give either after or before, not both', path: ['before'] })
  .refine((q) => !((q.after || q.before) && q.page > 1), {
    error: 'cannot be combined with a cursor (after/before)',
    path: ['page'],
  });
/**
 * GET /reports/cohorts/:id/charts: the manager's cohort charts, aggregates only (never who). `weeks` are
 * Korea weeks (their Mondays) over the cohort's life, at most 104; `active[i]` learners were active in
 * week i; per assigned course, `completed[i]` of the cohort's learners had completed it by the end of week i.
 */
export const cohortChartsSchema = z.object({
  weeks: z.array(isoDate),
  active: z.array(z.number().int()),
  courses: z.array(
    z.object({
      courseId: z.uuid(),
      title: draftTextSchema(200),
      /** The cohort's learners enrolled in it now (not withdrawn). */
      enrolled: z.number().int(),
      completed: z.array(z.number().int()),
    }),
  ),
});
export type CohortCharts = z.infer<typeof cohortChartsSchema>;

export const cohortGridSchema = z.object({
  cohort: z.object({ id: z.uuid(), name: z.string() }),
  courses: z.array(cohortCourseSchema),
  learners: z.array(
    z.object({
      userId: z.uuid(),
      displayName: z.string(),
      lastActiveAt: z.iso.datetime({ offset: true }).nullable(),
      atRisk: z.boolean(),
      cells: z.array(
        z.object({
          courseId: z.uuid(),
          status: z.enum(['active', 'completed', 'withdrawn', 'not_enrolled']),
          percent: z.number().int(),
          overdue: z.boolean(),
        }),
      ),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: z.uuid().nullable(),
  /** Pass as `before` for the previous page; null on the first page. */
  prevCursor: z.uuid().nullable(),
  thresholds: z.object({ inactiveDays: z.number().int() }),
});
export type CohortGrid = z.infer<typeof cohortGridSchema>;

/** Fewer skips of a lesson than this are reported as null ("fewer than 3"). */
export const SKIP_COUNT_MIN = 3;

export const courseReportSchema = z.object({
  course: z.object({ id: z.uuid(), title: draftTextSchema(200), version: z.number().int().nullable() }),
  enrolments: z.number().int(),
  completions: z.number().int(),
  /**
   * Per lesson: how many started it and finished it (a skip counts as finished: it carries no
   * penalty), and how many skipped it after its content note — a count only, never who, and null
   * below SKIP_COUNT_MIN so that a small class does not point at one person.
   */
  lessons: z.array(
    z.object({
      lessonId: z.uuid(),
      title: draftTextSchema(200),
      kind: z.string(),
      started: z.number().int(),
      completed: z.number().int(),
      skipped: z.number().int().nullable(),
    }),
  ),
  questions: z.array(
    z.object({
      lessonId: z.uuid(),
      key: z.string(),
      prompt: draftTextSchema(2000),
      answers: z.number().int(),
      correctShare: rate.nullable(),
    }),
  ),
});
export type CourseReport = z.infer<typeof courseReportSchema>;

export const learnerReportSchema = z.object({
  learner: z.object({ id: z.uuid(), displayName: z.string() }),
  courses: z.array(
    z.object({
      courseId: z.uuid(),
      title: draftTextSchema(200),
      status: z.enum(['active', 'completed', 'withdrawn']),
      percent: z.number().int(),
      completedAt: z.iso.datetime({ offset: true }).nullable(),
      lastActiveAt: z.iso.datetime({ offset: true }).nullable(),
      lessons: z.array(
        z.object({
          lessonId: z.uuid(),
          title: draftTextSchema(200),
          status: z.string(),
          bestScore: z.number().int().nullable(),
        }),
      ),
    }),
  ),
});
export const learnerParamSchema = z.strictObject({ id: uuidSchema });

/** Reflections learners chose to share with their instructor, for the course's instructors. */
export const sharedReflectionsSchema = z.object({
  items: z.array(
    z.object({
      lessonId: z.uuid(),
      lessonTitle: draftTextSchema(200),
      learner: z.string(),
      text: z.string(),
      updatedAt: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type SharedReflections = z.infer<typeof sharedReflectionsSchema>;

// The type of every schema above that has no type beside it.
export type CohortRole = z.infer<typeof cohortRoleSchema>;
export type UpdateCohort = z.infer<typeof updateCohortSchema>;
export type CohortCourse = z.infer<typeof cohortCourseSchema>;
export type CohortList = z.infer<typeof cohortListSchema>;
export type CohortMembersQuery = z.infer<typeof cohortMembersQuerySchema>;
export type AddMembers = z.infer<typeof addMembersSchema>;
export type MemberParam = z.infer<typeof memberParamSchema>;
export type MemberLookup = z.infer<typeof memberLookupSchema>;
export type JoinCode = z.infer<typeof joinCodeSchema>;
export type JoinCodeList = z.infer<typeof joinCodeListSchema>;
export type CreateJoinCode = z.input<typeof createJoinCodeSchema>;
export type JoinCodeInput = z.input<typeof joinCodeInputSchema>;
export type JoinCodeParam = z.infer<typeof joinCodeParamSchema>;
export type JoinPreview = z.infer<typeof joinPreviewSchema>;
export type Join = z.input<typeof joinSchema>;
export type ImportLearners = z.infer<typeof importLearnersSchema>;
export type ImportedLearner = z.infer<typeof importedLearnerSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type AssignCourse = z.input<typeof assignCourseSchema>;
export type CohortCourseParam = z.infer<typeof cohortCourseParamSchema>;
export type CohortGridQuery = z.infer<typeof cohortGridQuerySchema>;
export type LearnerReport = z.infer<typeof learnerReportSchema>;
export type LearnerParam = z.infer<typeof learnerParamSchema>;
export const joinCodeIdParamSchema = z.strictObject({ id: uuidSchema, codeId: uuidSchema });
export type JoinCodeIdParam = z.infer<typeof joinCodeIdParamSchema>;
