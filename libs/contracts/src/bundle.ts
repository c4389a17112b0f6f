import { z } from 'zod';
import { LOCALES, type Locale } from './constants.js';

/**
 * The course bundle: a folder (or a .zip of that folder) that carries one course between Dari
 * servers, into git for review, and into a new database as the starter curriculum.
 * Documented in docs/bundle-format.md; `formatVersion` changes when a reader of the old version
 * would misread a new bundle.
 */
export const BUNDLE_FORMAT = 'dari-course-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

export const COURSE_TAGS = [
  'human-rights',
  'civic-democracy',
  'daily-life',
  'work',
  'housing',
  'money',
  'law',
  'media',
  'community',
] as const;
export const courseTagSchema = z.enum(COURSE_TAGS);

export const ENROLMENT_POLICIES = ['open', 'code', 'cohort'] as const;
export const enrolmentPolicySchema = z.enum(ENROLMENT_POLICIES);

export const LESSON_KINDS = ['reading', 'media', 'quiz', 'reflection'] as const;
export const lessonKindSchema = z.enum(LESSON_KINDS);

/** Text in the course's languages: Korean always, English and Chinese where written. */
export const localizedTextSchema = (max: number) =>
  z.strictObject({
    ko: z.string().trim().min(1, { error: 'must not be empty' }).max(max),
    en: z.string().trim().min(1).max(max).optional(),
    zh: z.string().trim().min(1).max(max).optional(),
  });
export type LocalizedText = { ko: string; en?: string; zh?: string };

/** Keys name modules, lessons, questions and options inside a bundle; stable across exports. */
export const bundleKeySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be lower-case letters, digits and dashes' });

export const slugSchema = z
  .string({ error: 'must be text' })
  .min(3, { error: 'must be at least 3 characters' })
  .max(80, { error: 'must be at most 80 characters' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lower-case letters and digits joined by single dashes' });

export const bundleLessonSchema = z.strictObject({
  key: bundleKeySchema,
  kind: lessonKindSchema,
  title: localizedTextSchema(200),
  required: z.boolean().default(true),
  estimatedMinutes: z.number().int().min(1).max(240),
  /** Shown before a sensitive lesson opens; the learner may skip it without penalty. */
  contentNote: localizedTextSchema(500).nullable().default(null),
});
export type BundleLesson = z.infer<typeof bundleLessonSchema>;

export const bundleModuleSchema = z.strictObject({
  key: bundleKeySchema,
  title: localizedTextSchema(200),
  lessons: z.array(bundleLessonSchema).min(1).max(100),
});

/**
 * The languages a course is offered in: every lesson has its text (body, quiz texts, title, content note)
 * in each of them. Korean always; absent means `['ko']` (see `courseLanguages`). A promise checked by the
 * starter curriculum's test, not (yet) stored by the server: an import ignores it.
 */
export const courseLanguagesSchema = z
  .array(z.enum(LOCALES))
  .min(1)
  .max(LOCALES.length)
  .refine((langs) => new Set(langs).size === langs.length, { error: 'must not repeat a language' })
  .refine((langs) => langs.includes('ko'), { error: "must include ko (Korean is every course's default language)" });

/** course.json */
export const bundleManifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  slug: slugSchema,
  language: z.enum(LOCALES),
  /** Optional (additive to format version 1): absent means Korean only. */
  languages: courseLanguagesSchema.optional(),
  title: localizedTextSchema(200),
  /** May be empty in a bundle exported from an unfinished draft. */
  summary: z.strictObject({
    ko: z.string().trim().max(1000),
    en: z.string().trim().min(1).max(1000).optional(),
    zh: z.string().trim().min(1).max(1000).optional(),
  }),
  tags: z.array(courseTagSchema).max(10),
  estimatedMinutes: z.number().int().min(1).max(10_000),
  enrolmentPolicy: enrolmentPolicySchema,
  sequential: z.boolean(),
  /** Path of the cover image inside the bundle (media/…), or null. */
  cover: z
    .string()
    .regex(/^media\/[a-z0-9][a-z0-9._-]*$/)
    .nullable(),
  modules: z.array(bundleModuleSchema).min(1).max(50),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** The languages a bundle's course declares it is offered in; `['ko']` when course.json says nothing. */
export function courseLanguages(manifest: { languages?: readonly Locale[] | undefined }): Locale[] {
  return manifest.languages ? [...manifest.languages] : ['ko'];
}

export const QUESTION_TYPES = ['single', 'multiple', 'true_false', 'short_answer'] as const;

const optionSchema = z.strictObject({ key: bundleKeySchema, text: localizedTextSchema(500), correct: z.boolean() });
const questionBase = {
  key: bundleKeySchema,
  prompt: localizedTextSchema(2000),
  explanation: localizedTextSchema(2000),
};

export const quizQuestionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...questionBase, type: z.literal('single'), options: z.array(optionSchema).min(2).max(8) }),
  z.strictObject({ ...questionBase, type: z.literal('multiple'), options: z.array(optionSchema).min(2).max(8) }),
  z.strictObject({ ...questionBase, type: z.literal('true_false'), answer: z.boolean() }),
  /** Not graded: the learner writes, then sees the explanation as a model answer. */
  z.strictObject({ ...questionBase, type: z.literal('short_answer') }),
]);
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

/** lessons/<key>.quiz.json */
export const quizSchema = z
  .strictObject({
    /** Percent of the graded questions to answer right to pass. */
    passMark: z.number().int().min(0).max(100),
    shuffle: z.boolean(),
    questions: z.array(quizQuestionSchema).min(1).max(100),
  })
  .superRefine((quiz, ctx) => {
    quiz.questions.forEach((q, i) => {
      if (q.type === 'single' && q.options.filter((o) => o.correct).length !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'options'],
          message: 'a single-choice question needs exactly one correct option',
        });
      }
      if (q.type === 'multiple' && q.options.filter((o) => o.correct).length < 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'options'],
          message: 'a multiple-choice question needs at least one correct option',
        });
      }
    });
  });
export type Quiz = z.infer<typeof quizSchema>;

/** lessons/<key>.media.json */
export const mediaLessonSchema = z.strictObject({
  mediaType: z.enum(['video', 'audio']),
  /** A file inside the bundle (media/…) or an https URL; one of the two. */
  file: z
    .string()
    .regex(/^media\/[a-z0-9][a-z0-9._-]*$/)
    .nullable(),
  url: z.url({ protocol: /^https$/ }).nullable(),
});

// The type of every schema above that has no type beside it.
export type CourseTag = z.infer<typeof courseTagSchema>;
export type EnrolmentPolicy = z.infer<typeof enrolmentPolicySchema>;
export type BundleKey = z.infer<typeof bundleKeySchema>;
export type Slug = z.infer<typeof slugSchema>;
export type BundleModule = z.infer<typeof bundleModuleSchema>;
export type CourseLanguages = z.infer<typeof courseLanguagesSchema>;
export type MediaLesson = z.infer<typeof mediaLessonSchema>;
