import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useSearchParams } from 'react-router';
import {
  GlossaryContext,
  type GlossaryContextValue,
  type TermLookup,
} from '../../../components/markdown/glossary-context';
import { useMe } from '../../../lib/session';
import { useTermLookup } from '../api/lookup-terms';
import { AskWordButton, AskWordForm, validLessonId } from './ask-word';
import { useLessonSelection } from './use-lesson-selection';
import { TermButton } from './term-popover';

interface LessonGlossaryProps {
  /** The lesson shown; defaults to the address's ?lesson=<id> (CourseView's way of choosing a lesson). */
  lessonId?: string;
  children?: ReactNode;
}

/** Counts how many blocks show each term, so a term is looked up while any block shows it. */
function useRegisteredTerms() {
  const counts = useRef(new Map<string, number>());
  const [terms, setTerms] = useState<string[]>([]);
  const registerTerms = useCallback((list: readonly string[]) => {
    let added = false;
    for (const term of list) {
      const n = counts.current.get(term) ?? 0;
      counts.current.set(term, n + 1);
      if (n === 0) added = true;
    }
    if (added) setTerms([...counts.current.keys()].sort());
    return () => {
      for (const term of list) {
        const n = (counts.current.get(term) ?? 1) - 1;
        if (n <= 0) counts.current.delete(term);
        else counts.current.set(term, n);
      }
      // Forgotten terms stay in the list until the lesson changes: no new request just for a smaller set.
    };
  }, []);
  return { terms, registerTerms };
}

/**
 * The glossary for a lesson (see components/markdown/glossary-context.ts for the contract): [[terms]]
 * become buttons with popovers, looked up in one request; a learner can select any text and ask about it,
 * or type a word below the lesson.
 */
export function LessonGlossary({ lessonId: given, children }: LessonGlossaryProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const lessonId = validLessonId(given ?? params.get('lesson'));
  const isLearner = useMe().data?.role === 'learner';
  const { terms, registerTerms } = useRegisteredTerms();
  const lookup = useTermLookup(lessonId ?? 'course', terms);
  const root = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLSpanElement>(null);
  const [selected, clearSelection] = useLessonSelection(root, box);

  const value = useMemo<GlossaryContextValue>(() => {
    const find = (term: string): TermLookup => {
      const key = term.normalize('NFC');
      const entry = lookup.data?.get(key);
      if (entry) return { status: 'found', entry };
      if (lookup.isError) return { status: 'error', error: lookup.error, retry: () => void lookup.refetch() };
      // Still loading, or the answer for a newer set of terms is on its way.
      if (!lookup.data || lookup.isPlaceholderData || lookup.isFetching) return { status: 'loading' };
      return { status: 'unknown' };
    };
    return {
      lessonId,
      lookup: find,
      registerTerms,
      renderTerm: ({ term, unknown, children: shown }) => (
        <TermButton term={term} unknown={unknown} lookup={find(term)} lessonId={lessonId} canAsk={isLearner}>
          {shown}
        </TermButton>
      ),
    };
  }, [lessonId, lookup, registerTerms, isLearner]);

  return (
    <GlossaryContext.Provider value={value}>
      <div ref={root} className="lesson-glossary">
        {children ?? <Outlet />}
        {isLearner && selected ? (
          <span ref={box} className="selection-ask" style={{ top: selected.top, left: selected.left }}>
            <AskWordButton
              key={selected.text}
              text={selected.text}
              lessonId={lessonId}
              className="button button-primary"
              label={t('glossary.ask.selection', { text: selected.text })}
            />
            <button type="button" className="button button-secondary" onClick={clearSelection}>
              {t('glossary.popover.close')}
            </button>
          </span>
        ) : null}
        {isLearner && lessonId ? <AskWordForm lessonId={lessonId} className="lesson-ask" /> : null}
      </div>
    </GlossaryContext.Provider>
  );
}

export default LessonGlossary;
