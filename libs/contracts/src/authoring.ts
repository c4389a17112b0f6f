import { z } from 'zod';
import { LOCALES } from './constants.js';
import { bundleKeySchema, courseTagSchema, enrolmentPolicySchema, QUESTION_TYPES, slugSchema } from './bundle.js';
import { pageQuerySchema, uuidSchema } from './common.js';
import { factSchema } from './facts.js';

/**
 * Text being written: Korean, English and Chinese may each be empty while a draft is unfinished.
 * Publishing checks that what learners need is there (see publishProblemSchema).
 */
export const draftTextSchema = (max: number) =>
  z.strictObject({
    ko: z.string({ error: 'must be text' }).max(max, { error: `must be at most ${max} characters` }),
    en: z
      .string()
      .max(max, { error: `must be at most ${max} characters` })
      .optional(),
    zh: z
      .string()
      .max(max, { error: `must be at most ${max} characters` })
      .optional(),
  });
export type DraftText = z.infer<ReturnType<typeof draftTextSchema>>;

export const MEDIA_TYPES = ['video', 'audio'] as const;
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// address' }).max(2000);

const draftOptionSchema = z.strictObject({ key: bundleKeySchema, text: draftTextSchema(500), correct: z.boolean() });
const draftQuestionBase = { key: bundleKeySchema, prompt: draftTextSchema(2000), explanation: draftTextSchema(2000) };
export const draftQuestionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...draftQuestionBase, type: z.literal('single'), options: z.array(draftOptionSchema).max(8) }),
  z.strictObject({ ...draftQuestionBase, type: z.literal('multiple'), options: z.array(draftOptionSchema).max(8) }),
  z.strictObject({ ...draftQuestionBase, type: z.literal('true_false'), answer: z.boolean() }),
  z.strictObject({ ...draftQuestionBase, type: z.literal('short_answer') }),
]);
export type DraftQuestion = z.infer<typeof draftQuestionSchema>;
export const questionTypeSchema = z.enum(QUESTION_TYPES);

/** What a lesson holds, by kind. */
export const lessonContentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reading'), body: draftTextSchema(100_000) }),
  z.strictObject({
    kind: z.literal('media'),
    mediaType: z.enum(MEDIA_TYPES),
    /** An uploaded file of this course, or an https URL; one of the two. */
    mediaId: uuidSchema.nullable(),
    url: httpsUrl.nullable(),
    transcript: draftTextSchema(100_000),
  }),
  z.strictObject({
    kind: z.literal('quiz'),
    passMark: z.number().int().min(0).max(100),
    shuffle: z.boolean(),
    questions: z.array(draftQuestionSchema).max(100),
  }),
  z.strictObject({ kind: z.literal('reflection'), prompt: draftTextSchema(5000) }),
]);
export type LessonContent = z.infer<typeof lessonContentSchema>;
export type LessonKind = LessonContent['kind'];

export const personRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;

/** A course as its authors see it (the draft). */
export const authorCourseSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  status: z.enum(COURSE_STATUSES),
  title: draftTextSchema(200),
  summary: draftTextSchema(1000),
  language: z.enum(LOCALES),
  tags: z.array(courseTagSchema),
  /** The sum of the lessons' minutes. */
  estimatedMinutes: z.number().int(),
  enrolmentPolicy: enrolmentPolicySchema,
  courseCode: z.string().nullable(),
  sequential: z.boolean(),
  coverMediaId: z.uuid().nullable(),
  owner: personRefSchema.nullable(),
  coInstructors: z.array(personRefSchema),
  latestVersion: z.number().int().nullable(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The draft differs from the latest published version. */
  hasUnpublishedChanges: z.boolean(),
  /** The caller may change it (owner, co-instructor, admin); managers only read. */
  canEdit: z.boolean(),
  revision: z.number().int(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type AuthorCourseSummary = z.infer<typeof authorCourseSummarySchema>;

export const authorLessonSummarySchema = z.object({
  id: z.uuid(),
  key: z.string(),
  kind: z.enum(['reading', 'media', 'quiz', 'reflection']),
  title: draftTextSchema(200),
  required: z.boolean(),
  estimatedMinutes: z.number().int(),
  hasContentNote: z.boolean(),
});

export const authorModuleSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  title: draftTextSchema(200),
  lessons: z.array(authorLessonSummarySchema),
});

export const authorCourseSchema = authorCourseSummarySchema.extend({ modules: z.array(authorModuleSchema) });
export type AuthorCourse = z.infer<typeof authorCourseSchema>;

export const authorCourseListSchema = z.object({
  items: z.array(authorCourseSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const listAuthorCoursesQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(COURSE_STATUSES).optional(),
  ...pageQuerySchema,
});
export type ListAuthorCoursesQuery = z.infer<typeof listAuthorCoursesQuerySchema>;

const titleRequired = draftTextSchema(200).refine((t) => t.ko.trim().length > 0, {
  error: 'needs a Korean title',
  path: ['ko'],
});
const courseCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{4,32}$/, { error: 'must be 4–32 letters, digits or dashes' });

export const createCourseSchema = z.strictObject({
  slug: slugSchema,
  title: titleRequired,
  summary: draftTextSchema(1000).optional(),
  language: z.enum(LOCALES).default('ko'),
  tags: z.array(courseTagSchema).max(10).default([]),
  enrolmentPolicy: enrolmentPolicySchema.default('open'),
});
export type CreateCourse = z.input<typeof createCourseSchema>;

/** Every change to a draft names the revision it was made on; a stale one is refused (409). */
export const updateCourseSchema = z.strictObject({
  revision: z.number().int().min(0),
  slug: slugSchema.optional(),
  title: titleRequired.optional(),
  summary: draftTextSchema(1000).optional(),
  language: z.enum(LOCALES).optional(),
  tags: z.array(courseTagSchema).max(10).optional(),
  enrolmentPolicy: enrolmentPolicySchema.optional(),
  courseCode: courseCodeSchema.nullable().optional(),
  sequential: z.boolean().optional(),
  coverMediaId: uuidSchema.nullable().optional(),
});
export type UpdateCourse = z.infer<typeof updateCourseSchema>;

export const duplicateCourseSchema = z.strictObject({ slug: slugSchema, title: titleRequired.optional() });
export const setCoInstructorsSchema = z.strictObject({ userIds: z.array(uuidSchema).max(20) });

export const createModuleSchema = z.strictObject({ title: titleRequired });
export const updateModuleSchema = z.strictObject({ title: titleRequired });

/** The whole outline in its new order: every module and lesson of the course exactly once. */
export const reorderOutlineSchema = z.strictObject({
  revision: z.number().int().min(0),
  modules: z.array(z.strictObject({ id: uuidSchema, lessonIds: z.array(uuidSchema).max(100) })).max(50),
});
export type ReorderOutline = z.infer<typeof reorderOutlineSchema>;

export const createLessonSchema = z.strictObject({
  kind: z.enum(['reading', 'media', 'quiz', 'reflection']),
  title: titleRequired,
});

export const authorLessonSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  moduleId: z.uuid(),
  key: z.string(),
  title: draftTextSchema(200),
  required: z.boolean(),
  estimatedMinutes: z.number().int(),
  contentNote: draftTextSchema(500).nullable(),
  content: lessonContentSchema,
  revision: z.number().int(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type AuthorLesson = z.infer<typeof authorLessonSchema>;

export const updateLessonSchema = z.strictObject({
  revision: z.number().int().min(0),
  title: titleRequired.optional(),
  required: z.boolean().optional(),
  estimatedMinutes: z.number().int().min(1).max(240).optional(),
  contentNote: draftTextSchema(500).nullable().optional(),
  /** Must be of the lesson's own kind. */
  content: lessonContentSchema.optional(),
});
export type UpdateLesson = z.infer<typeof updateLessonSchema>;

export const courseVersionSummarySchema = z.object({
  version: z.number().int(),
  publishedAt: z.iso.datetime({ offset: true }),
  publishedBy: personRefSchema.nullable(),
  lessonCount: z.number().int(),
});
export const courseVersionListSchema = z.object({ items: z.array(courseVersionSummarySchema) });

/**
 * What the draft changes since the latest version, compared item by item: a module or lesson added,
 * removed, edited (its text or settings) or moved; `course` for the course's own title, summary and
 * settings. `title` is the draft's (the version's, for something removed).
 */
export const COURSE_CHANGE_KINDS = ['added', 'removed', 'edited', 'moved'] as const;
export const courseChangeSchema = z.object({
  what: z.enum(['course', 'module', 'lesson']),
  change: z.enum(COURSE_CHANGE_KINDS),
  id: z.uuid(),
  title: draftTextSchema(200),
});
export type CourseChange = z.infer<typeof courseChangeSchema>;
export const courseChangesSchema = z.object({
  /** The version compared with; null when the course was never published (then there are no items). */
  sinceVersion: z.number().int().nullable(),
  items: z.array(courseChangeSchema),
});
export type CourseChanges = z.infer<typeof courseChangesSchema>;

export const mediaSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Media = z.infer<typeof mediaSchema>;

/** What learners take: one immutable published version (also what a preview shows). */
export const publishedLessonSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  kind: z.enum(['reading', 'media', 'quiz', 'reflection']),
  title: draftTextSchema(200),
  required: z.boolean(),
  estimatedMinutes: z.number().int(),
  contentNote: draftTextSchema(500).nullable(),
  content: lessonContentSchema,
});
export type PublishedLesson = z.infer<typeof publishedLessonSchema>;

export const publishedCourseSchema = z.object({
  courseId: z.uuid(),
  /** null in a preview of the draft. */
  version: z.number().int().nullable(),
  slug: z.string(),
  title: draftTextSchema(200),
  summary: draftTextSchema(1000),
  language: z.enum(LOCALES),
  tags: z.array(courseTagSchema),
  estimatedMinutes: z.number().int(),
  sequential: z.boolean(),
  coverMediaId: z.uuid().nullable(),
  modules: z.array(
    z.object({ id: z.uuid(), key: z.string(), title: draftTextSchema(200), lessons: z.array(publishedLessonSchema) }),
  ),
  /**
   * The dated facts its texts refer to (`{{fact:KEY}}`), as they stood when it was published: the
   * phone shows them for its own date, offline too. Absent in versions published before facts existed.
   */
  facts: z.array(factSchema).optional(),
});
export type PublishedCourse = z.infer<typeof publishedCourseSchema>;

/** A learner's catalogue entry. */
export const catalogCourseSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: draftTextSchema(200),
  summary: draftTextSchema(1000),
  language: z.enum(LOCALES),
  tags: z.array(courseTagSchema),
  estimatedMinutes: z.number().int(),
  enrolmentPolicy: enrolmentPolicySchema,
  coverMediaId: z.uuid().nullable(),
  version: z.number().int(),
  lessonCount: z.number().int(),
});
export const catalogSchema = z.object({ items: z.array(catalogCourseSchema) });
export type CatalogCourse = z.infer<typeof catalogCourseSchema>;

export const slugParamSchema = z.strictObject({ slug: slugSchema });
export const versionParamSchema = z.strictObject({
  id: uuidSchema,
  version: z.coerce.number().int().min(1).max(100_000),
});

// The type of every schema above that has no type beside it.
export type QuestionType = z.infer<typeof questionTypeSchema>;
export type PersonRef = z.infer<typeof personRefSchema>;
export type AuthorLessonSummary = z.infer<typeof authorLessonSummarySchema>;
export type AuthorModule = z.infer<typeof authorModuleSchema>;
export type AuthorCourseList = z.infer<typeof authorCourseListSchema>;
export type DuplicateCourse = z.infer<typeof duplicateCourseSchema>;
export type SetCoInstructors = z.infer<typeof setCoInstructorsSchema>;
export type CreateModule = z.infer<typeof createModuleSchema>;
export type UpdateModule = z.infer<typeof updateModuleSchema>;
export type CreateLesson = z.infer<typeof createLessonSchema>;
export type CourseVersionSummary = z.infer<typeof courseVersionSummarySchema>;
export type CourseVersionList = z.infer<typeof courseVersionListSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
export type SlugParam = z.infer<typeof slugParamSchema>;
export type VersionParam = z.infer<typeof versionParamSchema>;

/** What a publish answers: the new version's number and time. */
export const publishResultSchema = z.object({
  version: z.number().int(),
  publishedAt: z.iso.datetime({ offset: true }),
});
export type PublishResult = z.infer<typeof publishResultSchema>;
/** Staff who can be named co-instructors (GET /authoring/instructors?q=). */
export const instructorQuerySchema = z.strictObject({ q: z.string().trim().max(100).optional() });
export type InstructorQuery = z.infer<typeof instructorQuerySchema>;
export const instructorListSchema = z.object({ items: z.array(personRefSchema) });
export type InstructorList = z.infer<typeof instructorListSchema>;
export const mediaListSchema = z.object({ items: z.array(mediaSchema) });
export type MediaList = z.infer<typeof mediaListSchema>;
/** GET /authoring/courses/:id/bundle: the draft, or `?version=N`. */
export const bundleQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1).max(100_000).optional() });
export type BundleQuery = z.infer<typeof bundleQuerySchema>;
/** POST /authoring/courses/import: the new course's address name, when the bundle's is taken. */
export const importQuerySchema = z.strictObject({ slug: slugSchema.optional() });
export type ImportQuery = z.infer<typeof importQuerySchema>;
