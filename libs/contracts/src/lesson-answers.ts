import { z } from 'zod';
import { LOCALES } from './constants.js';
import { bundleKeySchema, courseTagSchema, slugSchema } from './bundle.js';
import { uuidSchema } from './common.js';
import { draftTextSchema, MEDIA_TYPES } from './authoring.js';
import { factSchema } from './facts.js';

/**
 * What a learner downloads to read one lesson (issue 18, "a lesson costs what it shows"): the lesson of
 * the course's current published version, its Markdown already rendered to sanitised HTML on the server
 * (@dari/contracts/markdown, at publish time), and separately the outline. Both carry the version and
 * answer with a strong ETag (a version never changes).
 */

/** Sanitised HTML per language, as the version's Markdown was (the same keys: a missing language shows in Korean). */
export const lessonHtmlSchema = z.object({ ko: z.string(), en: z.string().optional(), zh: z.string().optional() });
export type LessonHtml = z.infer<typeof lessonHtmlSchema>;

const htmlQuestionBase = { key: bundleKeySchema, prompt: lessonHtmlSchema, explanation: lessonHtmlSchema };
const optionSchema = z.object({ key: bundleKeySchema, text: draftTextSchema(500), correct: z.boolean() });

/**
 * A lesson's content with each Markdown text as HTML. A quiz keeps what the learner's player has always had
 * (the options' `correct` and a true/false `answer`: the player marks the right answers after grading).
 */
export const renderedLessonContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reading'), body: lessonHtmlSchema }),
  z.object({
    kind: z.literal('media'),
    mediaType: z.enum(MEDIA_TYPES),
    mediaId: z.uuid().nullable(),
    url: z.string().nullable(),
    transcript: lessonHtmlSchema,
  }),
  z.object({
    kind: z.literal('quiz'),
    passMark: z.number().int(),
    shuffle: z.boolean(),
    questions: z.array(
      z.discriminatedUnion('type', [
        z.object({ ...htmlQuestionBase, type: z.literal('single'), options: z.array(optionSchema) }),
        z.object({ ...htmlQuestionBase, type: z.literal('multiple'), options: z.array(optionSchema) }),
        z.object({ ...htmlQuestionBase, type: z.literal('true_false'), answer: z.boolean() }),
        z.object({ ...htmlQuestionBase, type: z.literal('short_answer') }),
      ]),
    ),
  }),
  z.object({ kind: z.literal('reflection'), prompt: lessonHtmlSchema }),
]);
export type RenderedLessonContent = z.infer<typeof renderedLessonContentSchema>;

const lessonKindSchema = z.enum(['reading', 'media', 'quiz', 'reflection']);

/** A lesson in the outline: what the list of lessons, the locks and the pager need, no content. */
export const outlineLessonSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  kind: lessonKindSchema,
  title: draftTextSchema(200),
  required: z.boolean(),
  estimatedMinutes: z.number().int(),
  /** Whether the lesson opens with a content note (the note itself comes with the lesson). */
  hasContentNote: z.boolean(),
});
export type OutlineLesson = z.infer<typeof outlineLessonSchema>;

/** GET /courses/:slug/outline: the current published version without any lesson's content. */
export const courseOutlineSchema = z.object({
  courseId: z.uuid(),
  version: z.number().int(),
  slug: z.string(),
  title: draftTextSchema(200),
  summary: draftTextSchema(1000),
  language: z.enum(LOCALES),
  tags: z.array(courseTagSchema),
  estimatedMinutes: z.number().int(),
  sequential: z.boolean(),
  coverMediaId: z.uuid().nullable(),
  modules: z.array(
    z.object({ id: z.uuid(), key: z.string(), title: draftTextSchema(200), lessons: z.array(outlineLessonSchema) }),
  ),
});
export type CourseOutline = z.infer<typeof courseOutlineSchema>;

/** GET /courses/:slug/lessons/:lessonId: one lesson of the current published version, about 3 KiB. */
export const learnerLessonSchema = z.object({
  courseId: z.uuid(),
  version: z.number().int(),
  lesson: z.object({
    id: z.uuid(),
    key: z.string(),
    kind: lessonKindSchema,
    title: draftTextSchema(200),
    required: z.boolean(),
    estimatedMinutes: z.number().int(),
    contentNote: draftTextSchema(500).nullable(),
    content: renderedLessonContentSchema,
  }),
  /** The dated facts this lesson refers to, shown on the phone for its own day (offline too). */
  facts: z.array(factSchema),
});
export type LearnerLesson = z.infer<typeof learnerLessonSchema>;

export const lessonSlugParamSchema = z.strictObject({
  slug: slugSchema,
  lessonId: uuidSchema,
});
