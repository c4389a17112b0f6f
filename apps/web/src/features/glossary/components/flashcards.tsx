import type { GlossaryTerm, WordReviewState } from '@dari/contracts';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/error-message';
import { useLocale } from '../../../components/use-locale';
import { formatDate } from '../../../lib/format';
import { useRecordReview, useWordReviews } from '../api/word-reviews';
import { TermDetails } from './term-details';

export type CardDirection = 'southNorth' | 'northSouth';

/** Due today: never reviewed, or its next review has come. */
export function isDue(state: WordReviewState | undefined, now: number): boolean {
  return !state?.nextReviewAt || Date.parse(state.nextReviewAt) <= now;
}

/** Fisher–Yates with the given random source (tests pass their own). */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Review, one word at a time: the words due today (spaced repetition: "알았어요" moves a word to a
 * later day, "다시 볼래요" brings it back tomorrow; the server keeps when, so a second phone agrees).
 * South → North shows the word as lessons write it; North → South shows the North Korean word (only
 * words that have one). No score, no streaks.
 */
export function Flashcards({ terms, onEnd }: { terms: GlossaryTerm[]; onEnd: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const reviews = useWordReviews();
  const record = useRecordReview();
  const [direction, setDirection] = useState<CardDirection>('southNorth');
  const [mixed, setMixed] = useState(false);
  const [all, setAll] = useState(false);
  const [deck, setDeck] = useState<GlossaryTerm[] | null>(null);
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [said, setSaid] = useState<{ term: string; count: number } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const states = useMemo(() => new Map((reviews.data?.items ?? []).map((r) => [r.termId, r] as const)), [reviews.data]);
  const usable = useMemo(
    () => (direction === 'northSouth' ? terms.filter((term) => term.northKorean.length > 0) : terms),
    [direction, terms],
  );

  // The deck is dealt once the review state is known (or could not be had: then every word), and again
  // when the learner changes the direction, mixes the cards or asks for all of them.
  const ready = !reviews.isPending;
  useEffect(() => {
    if (!ready) return;
    const now = Date.now();
    const chosen = all ? usable : usable.filter((term) => isDue(states.get(term.id), now));
    setDeck(mixed ? shuffled(chosen) : chosen);
    setIndex(0);
    setRevealed(false);
    // `states` changes after every review: the deck stays as dealt until the learner deals again.
  }, [ready, usable, mixed, all]);

  const term = deck?.[index];
  const nextDue = useMemo(() => {
    const dates = usable.map((x) => states.get(x.id)?.nextReviewAt).filter((d): d is string => Boolean(d));
    return dates.length > 0 ? dates.sort()[0] : null;
  }, [usable, states]);

  const answer = (known: boolean) => {
    if (!term) return;
    record.mutate(
      { termId: term.id, known },
      {
        onSuccess: (state) => {
          const days = state.nextReviewAt
            ? Math.round((Date.parse(state.nextReviewAt) - Date.parse(state.reviewedAt ?? state.nextReviewAt)) / 864e5)
            : 0;
          setSaid({ term: term.term, count: days });
          setIndex((i) => i + 1);
          setRevealed(false);
        },
      },
    );
  };

  const prompt = term ? (direction === 'northSouth' ? term.northKorean.join(', ') : term.term) : '';

  return (
    <section className="card flashcard" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('glossary.words.cardsTitle')}
      </h2>
      <fieldset className="plain-fieldset flashcard-direction">
        <legend>{t('flashcards.direction')}</legend>
        {(['southNorth', 'northSouth'] as const).map((d) => (
          <label key={d} className="choice">
            <input
              type="radio"
              name={`${id}-direction`}
              value={d}
              checked={direction === d}
              onChange={() => setDirection(d)}
            />{' '}
            {t(`flashcards.${d}`)}
          </label>
        ))}
      </fieldset>
      <p className="button-row">
        <button
          type="button"
          className="button button-secondary"
          aria-pressed={mixed}
          onClick={() => setMixed((m) => !m)}
        >
          {t('flashcards.shuffle')}
        </button>
      </p>
      <p className="muted" role="status">
        {said ? t('flashcards.nextIn', said) : null}
      </p>
      {!deck ? null : usable.length === 0 ? (
        <p>{t('flashcards.noNorth')}</p>
      ) : deck.length === 0 ? (
        <div>
          <p>
            {nextDue ? t('flashcards.nothingDue', { date: formatDate(nextDue, locale) }) : t('flashcards.doneToday')}
          </p>
          <button type="button" className="button" onClick={() => setAll(true)}>
            {t('flashcards.reviewAll')}
          </button>
        </div>
      ) : !term ? (
        <p>{t('flashcards.doneToday')}</p>
      ) : (
        <>
          <p className="muted">{t('glossary.words.cardsProgress', { number: index + 1, total: deck.length })}</p>
          <p className="flashcard-term" lang="ko">
            {prompt}
          </p>
          <button
            type="button"
            className="button"
            aria-expanded={revealed}
            aria-controls={`${id}-answer`}
            onClick={() => setRevealed((r) => !r)}
          >
            {revealed ? t('glossary.words.hide') : t('glossary.words.reveal')}
          </button>
          <div id={`${id}-answer`} hidden={!revealed}>
            {revealed ? (
              <>
                {direction === 'northSouth' ? (
                  <p className="term-line">
                    <span className="term-label">{t('flashcards.southWord')}</span>{' '}
                    <strong lang="ko">{term.term}</strong>
                  </p>
                ) : null}
                <TermDetails term={term} />
              </>
            ) : null}
          </div>
          {revealed ? (
            <div className="button-row after-form">
              <button
                type="button"
                className="button button-primary"
                disabled={record.isPending}
                onClick={() => answer(true)}
              >
                {t('flashcards.known')}
              </button>
              <button type="button" className="button" disabled={record.isPending} onClick={() => answer(false)}>
                {t('flashcards.again')}
              </button>
            </div>
          ) : null}
          {record.isError ? (
            <p className="alert alert-error" role="alert">
              {errorMessage(t, record.error)}
            </p>
          ) : null}
        </>
      )}
      <p className="after-form">
        <button type="button" className="button button-secondary" onClick={onEnd}>
          {t('glossary.words.cardsEnd')}
        </button>
      </p>
    </section>
  );
}
