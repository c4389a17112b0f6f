import type { Fact, LearnerLesson, Locale } from '@dari/contracts';
import type { LessonTextFormat } from '../../../components/course/lesson-text';
import { LessonView, type LessonPlayerSlots, type ViewLesson } from '../../../components/course/lesson-view';

interface PlayerLessonProps {
  /**
   * The lesson as GET /courses/:slug/lessons/:lessonId answers it: its texts already HTML (useLesson); or,
   * with `format="markdown"`, as the whole course's answer has it.
   */
  lesson: LearnerLesson['lesson'] | ViewLesson;
  /** The language the learner reads the lesson in (lessonLanguage); texts missing in it show in Korean. */
  lang: Locale;
  player?: LessonPlayerSlots;
  /** The dated facts the lesson refers to: `{{fact:KEY}}` in the lesson shows the value for today (offline too). */
  facts?: readonly Fact[] | null;
  /** `markdown` only for a lesson taken from the course answer (an offline copy saved without lesson answers). */
  format?: LessonTextFormat;
}

/**
 * One lesson in the learner's player, in the language the learner reads it in (`lang`), which may differ
 * from the interface's: the lesson's own texts follow `lang`, the words around them (buttons, labels) stay
 * in the interface language. The page shows the title as its h1. The same markup as the editor's preview
 * (LessonView), which reads the interface language; here the texts are the server's HTML (LessonHtml),
 * so the learner's route loads no Markdown engine.
 */
export function PlayerLesson({ lesson, lang, player, facts, format = 'html' }: PlayerLessonProps) {
  return <LessonView lesson={lesson} lang={lang} player={player} facts={facts} format={format} hideTitle />;
}
