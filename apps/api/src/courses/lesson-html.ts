import type { LessonHtml, PublishedCourse, PublishedLesson, RenderedLessonContent } from '@dari/contracts';
import { markdownToHtml } from '@dari/contracts/markdown';

/**
 * The version of the render below: part of the ETag of every lesson answer, so a change to the rules
 * (a new allow-list, another plugin) reaches browsers that kept an older answer.
 */
export const RENDER_REVISION = 1;

/** The rendered lessons a published snapshot carries (key `rendered` of course_versions.snapshot), by lesson id. */
export type RenderedLessons = Record<string, RenderedLessonContent>;

const html = (text: PublishedLesson['title'], headingLevel: number): LessonHtml => {
  const out: LessonHtml = { ko: markdownToHtml(text.ko, { headingLevel }) };
  if (text.en !== undefined) out.en = markdownToHtml(text.en, { headingLevel });
  if (text.zh !== undefined) out.zh = markdownToHtml(text.zh, { headingLevel });
  return out;
};

/**
 * One lesson's Markdown texts as sanitised HTML, every language it has, with the heading levels the
 * learner's player uses (the lesson title is the page's h1: the text's headings start at h2, a media
 * transcript's under its own h2 at h3; quiz texts at h2).
 */
export function renderLesson(lesson: PublishedLesson): RenderedLessonContent {
  const c = lesson.content;
  switch (c.kind) {
    case 'reading':
      return { kind: 'reading', body: html(c.body, 2) };
    case 'reflection':
      return { kind: 'reflection', prompt: html(c.prompt, 2) };
    case 'media':
      return {
        kind: 'media',
        mediaType: c.mediaType,
        mediaId: c.mediaId,
        url: c.url,
        transcript: html(c.transcript, 3),
      };
    case 'quiz':
      return {
        kind: 'quiz',
        passMark: c.passMark,
        shuffle: c.shuffle,
        questions: c.questions.map((q) => ({ ...q, prompt: html(q.prompt, 2), explanation: html(q.explanation, 2) })),
      };
  }
}

/** Every lesson of a version, rendered once when it is published and stored with it. */
export function renderLessons(course: PublishedCourse): RenderedLessons {
  const out: RenderedLessons = {};
  for (const mod of course.modules) for (const lesson of mod.lessons) out[lesson.id] = renderLesson(lesson);
  return out;
}
