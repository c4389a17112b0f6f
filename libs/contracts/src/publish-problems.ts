import { z } from 'zod';

/**
 * What can block a publish. The web app words each code in the reader's language (with `params`);
 * `message` is the same in English, for a client that does not know a code yet.
 */
export const PUBLISH_PROBLEM_CODES = [
  'course_title_missing',
  'course_code_missing',
  'course_no_lessons',
  'module_title_missing',
  'module_empty',
  'lesson_title_missing',
  'reading_text_missing',
  'reflection_prompt_missing',
  'media_source_invalid',
  'media_file_missing',
  'media_transcript_missing',
  'quiz_no_questions',
  'question_text_missing',
  'question_too_few_options',
  'question_option_text_missing',
  'question_needs_one_right',
  'question_needs_a_right',
] as const;
export const publishProblemCodeSchema = z.enum(PUBLISH_PROBLEM_CODES);
export type PublishProblemCode = z.infer<typeof publishProblemCodeSchema>;

/**
 * Values a problem's sentence needs: `lesson` (the lesson's Korean title, or its key), `module` (the
 * module's Korean title), `question` (its number, from 1).
 */
export const publishProblemParamsSchema = z.object({
  lesson: z.string().optional(),
  module: z.string().optional(),
  question: z.number().int().optional(),
});
export type PublishProblemParams = z.infer<typeof publishProblemParamsSchema>;

/** Why a draft cannot be published yet, one line per problem, pointing at the lesson. */
export const publishProblemSchema = z.object({
  lessonId: z.uuid().nullable(),
  moduleId: z.uuid().nullable(),
  code: publishProblemCodeSchema,
  params: publishProblemParamsSchema,
  message: z.string(),
});
export type PublishProblem = z.infer<typeof publishProblemSchema>;
