import { LOCALES, type Locale } from '@dari/contracts';
import { useCallback, useState } from 'react';
import { lessonLanguageKey } from './lesson-language-memory';

export { forgetLessonLanguages } from './lesson-language-memory';

type Text = { ko: string; en?: string; zh?: string };

/** What the languages are read from: a published lesson, or one lesson's answer (its texts as HTML). */
interface LessonTexts {
  title: Text;
  content:
    | { kind: 'reading'; body: Text }
    | { kind: 'reflection'; prompt: Text }
    | { kind: 'media'; transcript: Text }
    | { kind: 'quiz'; questions: readonly { prompt: Text }[] };
}

const written = (text: Text | null | undefined, lang: Locale) => Boolean(text?.[lang]?.trim());

/**
 * The languages a learner can read a lesson in, in the interface's order (한국어, English, 中文): Korean
 * always (the course's default language); English or Chinese when the lesson's body is written in it —
 * for a quiz, every question's prompt; for a media lesson without a transcript, its title. A title,
 * content note or quiz option missing in that language falls back to Korean on its own.
 */
export function lessonLanguages(lesson: LessonTexts): Locale[] {
  const content = lesson.content;
  return LOCALES.filter((lang) => {
    if (lang === 'ko') return true;
    switch (content.kind) {
      case 'reading':
        return written(content.body, lang);
      case 'reflection':
        return written(content.prompt, lang);
      case 'media':
        return content.transcript.ko.trim() ? written(content.transcript, lang) : written(lesson.title, lang);
      case 'quiz':
        return content.questions.length > 0 && content.questions.every((q) => written(q.prompt, lang));
    }
  });
}

/** The language a lesson is shown in: the learner's choice on the page when the lesson has it, else the interface language when it has it, else Korean. */
export function lessonLanguage(available: readonly Locale[], chosen: Locale | null, interfaceLocale: Locale): Locale {
  if (chosen && available.includes(chosen)) return chosen;
  if (available.includes(interfaceLocale)) return interfaceLocale;
  return 'ko';
}

// Kept per learner and course in this tab's sessionStorage (lesson-language-memory.ts says why).
const storageKey = lessonLanguageKey;

function readChoice(scope: string | null): Locale | null {
  if (!scope) return null;
  try {
    const value = window.sessionStorage.getItem(storageKey(scope));
    return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : null;
  } catch {
    return null; // storage can be blocked: the choice then holds only while the page is open
  }
}

function writeChoice(scope: string | null, lang: Locale): void {
  if (!scope) return;
  try {
    window.sessionStorage.setItem(storageKey(scope), lang);
  } catch {
    // nothing to do: the choice still applies on this page
  }
}

/**
 * The lesson language the learner chose on the lesson page for one course (`scope`: user and course),
 * or null when they have not chosen. Read synchronously on the first render, so the page is drawn
 * once in the right language (no flash of another language, no layout shift).
 */
export function useChosenLessonLanguage(scope: string | null): [Locale | null, (lang: Locale) => void] {
  const [state, setState] = useState(() => ({ scope, value: readChoice(scope) }));
  let value = state.value;
  if (state.scope !== scope) {
    value = readChoice(scope);
    setState({ scope, value });
  }
  const choose = useCallback(
    (lang: Locale) => {
      writeChoice(scope, lang);
      setState({ scope, value: lang });
    },
    [scope],
  );
  return [value, choose];
}
