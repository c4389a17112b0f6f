import { z } from 'zod';
import { LOCALES } from './constants.js';
import { bundleKeySchema, courseTagSchema, slugSchema } from './bundle.js';
import { uuidSchema } from './common.js';
import { draftTextSchema, MEDIA_TYPES, publishedCourseSchema, publishedLessonSchema } from './authoring.js';
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

/**
 * A quiz as a learner gets it before answering (issue 18): the prompts and the options, never which
 * option is right, a true/false question's answer or the explanation. Those come back with the
 * server's grading of an attempt (`quizReviewSchema`). `text` is the prompts' form: Markdown in the whole
 * course's answer, HTML in a lesson's.
 */
function learnerQuizSchema<T extends z.ZodType>(text: T) {
  const option = z.object({ key: bundleKeySchema, text: draftTextSchema(500) });
  const base = { key: bundleKeySchema, prompt: text };
  return z.object({
    kind: z.literal('quiz'),
    passMark: z.number().int(),
    shuffle: z.boolean(),
    questions: z.array(
      z.discriminatedUnion('type', [
        z.object({ ...base, type: z.literal('single'), options: z.array(option) }),
        z.object({ ...base, type: z.literal('multiple'), options: z.array(option) }),
        z.object({ ...base, type: z.literal('true_false') }),
        z.object({ ...base, type: z.literal('short_answer') }),
      ]),
    ),
  });
}

/** What the server says of one question once the learner has answered: the right answer, and why. */
export const questionReviewSchema = z.object({
  /** The right options of a single or multiple choice question. */
  options: z.array(z.string()).optional(),
  /** The right value of a true/false question. */
  answer: z.boolean().optional(),
  /** The explanation (a short answer's model answer) as sanitised HTML, in every language it has. */
  explanation: lessonHtmlSchema,
});
export type QuestionReview = z.infer<typeof questionReviewSchema>;
/** By question key: sent with the grading of an attempt, never before. */
export const quizReviewSchema = z.record(z.string(), questionReviewSchema);
export type QuizReview = z.infer<typeof quizReviewSchema>;

/** A lesson's content with each Markdown text as HTML; a quiz without its answers (learnerQuizSchema). */
export const renderedLessonContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reading'), body: lessonHtmlSchema }),
  z.object({
    kind: z.literal('media'),
    mediaType: z.enum(MEDIA_TYPES),
    mediaId: z.uuid().nullable(),
    url: z.string().nullable(),
    transcript: lessonHtmlSchema,
  }),
  learnerQuizSchema(lessonHtmlSchema),
  z.object({ kind: z.literal('reflection'), prompt: lessonHtmlSchema }),
]);
export type RenderedLessonContent = z.infer<typeof renderedLessonContentSchema>;

/** A lesson's content in the whole course's answer (Markdown), a quiz without its answers. */
export const learnerLessonContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reading'), body: draftTextSchema(100_000) }),
  z.object({
    kind: z.literal('media'),
    mediaType: z.enum(MEDIA_TYPES),
    mediaId: z.uuid().nullable(),
    url: z.string().nullable(),
    transcript: draftTextSchema(100_000),
  }),
  learnerQuizSchema(draftTextSchema(2000)),
  z.object({ kind: z.literal('reflection'), prompt: draftTextSchema(5000) }),
]);
export type LearnerLessonContent = z.infer<typeof learnerLessonContentSchema>;

/**
 * GET /courses/:slug: the current published version with every lesson, as a learner gets it (the course
 * page, "save for offline"): the published course with each quiz's answers and explanations left out.
 */
export const learnerCourseSchema = publishedCourseSchema.extend({
  modules: z.array(
    z.object({
      id: z.uuid(),
      key: z.string(),
      title: draftTextSchema(200),
      lessons: z.array(publishedLessonSchema.extend({ content: learnerLessonContentSchema })),
    }),
  ),
});
export type LearnerCourse = z.infer<typeof learnerCourseSchema>;

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

/** A module as a published version (or a whole course answer) holds it: the outline picks from it. */
interface OutlineSourceModule {
  id: string;
  key: string;
  title: CourseOutline['modules'][number]['title'];
  lessons: readonly (Omit<OutlineLesson, 'hasContentNote'> & {
    contentNote?: Partial<Record<string, string>> | null;
  })[];
}

/**
 * The outline's modules: each lesson without its content, and whether it opens with a content note.
 * One rule for the API's outline answer and the web app's fallback from a whole course answer.
 */
export function outlineModules(modules: readonly OutlineSourceModule[]): CourseOutline['modules'] {
  return modules.map((m) => ({
    id: m.id,
    key: m.key,
    title: m.title,
    lessons: m.lessons.map((l) => ({
      id: l.id,
      key: l.key,
      kind: l.kind,
      title: l.title,
      required: l.required,
      estimatedMinutes: l.estimatedMinutes,
      hasContentNote: Boolean(l.contentNote && Object.values(l.contentNote).some((t) => t?.trim())),
    })),
  }));
}

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
