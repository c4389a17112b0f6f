import type { GlossaryTerm } from '@dari/contracts';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * How the renderer reaches the glossary, without knowing about the API.
 *
 * Contract (for the lesson player and anyone else who shows lessons):
 *
 * - Without a provider (the editor's preview, certificates, tests), `[[term]]` renders as
 *   <mark class="term" data-term="…">: nothing interactive, nothing fetched.
 * - Inside a provider, each Markdown block reports the terms it shows (`registerTerms`, from an effect),
 *   and renders each marked term with `renderTerm` (a button that opens the term's popover).
 *   The provider looks the terms up with one POST /glossary/lookup for the lesson (TanStack Query,
 *   cached by lesson and terms), and `lookup(term)` says what is known about one term.
 * - `lessonId` is the lesson being read: "ask about this word" sends it with the word request, so the
 *   request reaches that course's instructors. Without it, a request carries no lesson.
 *
 * The provider is `LessonGlossary` (features/glossary/components/lesson-glossary.tsx). It reads the lesson
 * from `?lesson=<id>` unless given `lessonId`; a player that shows a lesson elsewhere wraps it in
 * `<LessonGlossary lessonId={lesson.id}>` (providers nest; the nearest one wins). CourseView and
 * LessonView need no change.
 */
export type TermLookup =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'unknown' }
  | { status: 'found'; entry: GlossaryTerm };

export interface GlossaryContextValue {
  /** The lesson the text belongs to (a UUID), when there is one. */
  lessonId?: string;
  /** What the glossary says about one term as written inside [[…]]. */
  lookup: (term: string) => TermLookup;
  /** A Markdown block shows these terms; returns the function that forgets them again. */
  registerTerms: (terms: readonly string[]) => () => void;
  /** The interactive form of a marked term; `children` is the shown text. */
  renderTerm: (props: { term: string; unknown: boolean; children: ReactNode }) => ReactNode;
}

export const GlossaryContext = createContext<GlossaryContextValue | null>(null);

export function useGlossaryContext(): GlossaryContextValue | null {
  return useContext(GlossaryContext);
}

const TERM = /\[\[([^[\]\n]+?)\]\]/g;

/**
 * The terms `[[term]]` / `[[term|shown]]` of a Markdown text, as the renderer reads them, without repeats.
 * (Terms written inside code are included too: harmless for a lookup.)
 */
export function termsIn(source: string): string[] {
  const out = new Set<string>();
  for (const match of source.matchAll(TERM)) {
    const inner = match[1];
    const bar = inner.indexOf('|');
    // "[[인권\\|人权]]" (the bar escaped, as in a table) names 인권 too.
    const term = (bar === -1 ? inner : inner.slice(0, bar).replace(/\\$/, '')).trim();
    if (term && term.length <= 60) out.add(term.normalize('NFC'));
  }
  return [...out];
}
