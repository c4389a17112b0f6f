import type { Fact, Locale, PublishedLesson } from '@dari/contracts';
import { LessonView, type LessonPlayerSlots } from '../../../components/course/lesson-view';

interface PlayerLessonProps {
  lesson: PublishedLesson;
  /** The language the learner reads the lesson in (lessonLanguage); texts missing in it show in Korean. */
  lang: Locale;
  player?: LessonPlayerSlots;
  /** The dated facts the course carries: `{{fact:KEY}}` in the lesson shows the value for today (offline too). */
  facts?: readonly Fact[] | null;
}

/**
 * One lesson in the learner's player, in the language the learner reads it in (`lang`), which may differ
 * from the interface's: the lesson's own texts follow `lang`, the words around them (buttons, labels) stay
 * in the interface language. The page shows the title as its h1. The same markup as the editor's preview
 * (LessonView), which reads the interface language.
 */
export function PlayerLesson({ lesson, lang, player, facts }: PlayerLessonProps) {
  return <LessonView lesson={lesson} lang={lang} player={player} facts={facts} hideTitle />;
}
