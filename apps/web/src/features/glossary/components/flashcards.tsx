import type { GlossaryTerm } from '@dari/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TermDetails } from './term-details';

/** Review: one word at a time; the explanation shows only when asked. No score, no streaks. */
export function Flashcards({ terms, onEnd }: { terms: GlossaryTerm[]; onEnd: () => void }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const term = terms[Math.min(index, terms.length - 1)];

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  if (!term) return null;
  const go = (next: number) => {
    setIndex((next + terms.length) % terms.length);
    setRevealed(false);
  };

  return (
    <section className="card flashcard" aria-labelledby="flashcards-title">
      <h2 id="flashcards-title" ref={headingRef} tabIndex={-1}>
        {t('glossary.words.cardsTitle')}
      </h2>
      <p className="muted" aria-live="polite">
        {t('glossary.words.cardsProgress', { number: index + 1, total: terms.length })}
      </p>
      <p className="flashcard-term" lang="ko">
        {term.term}
      </p>
      <button
        type="button"
        className="button"
        aria-expanded={revealed}
        aria-controls="flashcard-answer"
        onClick={() => setRevealed((r) => !r)}
      >
        {revealed ? t('glossary.words.hide') : t('glossary.words.reveal')}
      </button>
      <div id="flashcard-answer" hidden={!revealed}>
        {revealed ? <TermDetails term={term} /> : null}
      </div>
      <div className="button-row after-form">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => go(index - 1)}
          disabled={terms.length < 2}
        >
          {t('glossary.words.previousCard')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => go(index + 1)}
          disabled={terms.length < 2}
        >
          {t('glossary.words.nextCard')}
        </button>
        <button type="button" className="button button-secondary" onClick={onEnd}>
          {t('glossary.words.cardsEnd')}
        </button>
      </div>
    </section>
  );
}
