import type {
  LearnerCourse,
  LessonHtml,
  LocalizedText,
  PublishedCourse,
  PublishedLesson,
  QuizReview,
  RenderedLessonContent,
} from '@dari/contracts';
import { markdownToHtml } from '@dari/contracts/markdown';

/**
 * The version of the render below: part of the ETag of every lesson answer, so a change to the rules
 * (a new allow-list, another plugin) reaches browsers that kept an older answer.
 */
export const RENDER_REVISION = 2; // 2: quizzes without their answers and explanations (issue 18)

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
      return learnerQuiz(c, (text) => html(text, 2));
  }
}

type Question<T> = {
  key: string;
  type: 'single' | 'multiple' | 'true_false' | 'short_answer';
  prompt: T;
  options?: readonly { key: string; text: LocalizedText }[];
};

/**
 * A quiz as a learner may have it before answering: each question's key, type, prompt (`prompt` turns it
 * into the answer's form) and options' texts; never `correct`, a true/false `answer` or the explanation.
 * Written field by field, so nothing added to a question later reaches learners by accident.
 */
function learnerQuiz<T, P>(
  quiz: { passMark: number; shuffle: boolean; questions: readonly Question<T>[] },
  prompt: (text: T) => P,
) {
  return {
    kind: 'quiz' as const,
    passMark: quiz.passMark,
    shuffle: quiz.shuffle,
    questions: quiz.questions.map((q) =>
      q.type === 'single' || q.type === 'multiple'
        ? {
            key: q.key,
            type: q.type,
            prompt: prompt(q.prompt),
            options: (q.options ?? []).map((o) => ({ key: o.key, text: o.text })),
          }
        : { key: q.key, type: q.type, prompt: prompt(q.prompt) },
    ),
  };
}

/**
 * One lesson's answer content as learners get it: a quiz stripped by learnerQuiz. Also for the rendered
 * lessons stored with versions published before quizzes were stripped at publish time.
 */
export function learnerRendered(content: RenderedLessonContent): RenderedLessonContent {
  return content.kind === 'quiz' ? learnerQuiz(content, (text) => text) : content;
}

/** The whole published course as learners get it (GET /courses/:slug): every quiz stripped by learnerQuiz. */
export function learnerCourse(course: PublishedCourse): LearnerCourse {
  return {
    ...course,
    modules: course.modules.map((m) => ({
      ...m,
      lessons: m.lessons.map((l) => ({
        ...l,
        content: l.content.kind === 'quiz' ? learnerQuiz(l.content, (text) => text) : l.content,
      })),
    })),
  };
}

/**
 * What a learner sees of a quiz once they have answered it (the grading's `review`, and their attempts
 * again): each question's right options or true/false value, and its explanation as the player's HTML.
 */
export function quizReview(lesson: PublishedLesson): QuizReview {
  const c = lesson.content;
  const out: QuizReview = {};
  if (c.kind !== 'quiz') return out;
  for (const q of c.questions) {
    const explanation = html(q.explanation, 2);
    if (q.type === 'single' || q.type === 'multiple')
      out[q.key] = { options: q.options.filter((o) => o.correct).map((o) => o.key), explanation };
    else if (q.type === 'true_false') out[q.key] = { answer: q.answer, explanation };
    else out[q.key] = { explanation };
  }
  return out;
}

/** Every lesson of a version, rendered once when it is published and stored with it. */
export function renderLessons(course: PublishedCourse): RenderedLessons {
  const out: RenderedLessons = {};
  for (const mod of course.modules) for (const lesson of mod.lessons) out[lesson.id] = renderLesson(lesson);
  return out;
}
