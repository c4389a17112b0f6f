import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/error-message';
import { isApiError } from '../../../lib/api';
import { askWord, useAskWord } from '../api/word-requests';

export const ASK_MAX = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only a real lesson id goes with a request (the address may carry anything). */
export function validLessonId(id: string | null | undefined): string | undefined {
  return id && UUID.test(id) ? id : undefined;
}

/**
 * Sends a word request with the lesson when there is one. A lesson of a course the learner has not joined
 * is refused (400 on body.lessonId); the question is then sent without it rather than lost.
 */
export function useAsk() {
  const ask = useAskWord();
  return {
    ...ask,
    ask: (text: string, lessonId?: string) =>
      ask.mutateAsync({ text, lessonId }).catch(async (error: unknown) => {
        if (
          lessonId &&
          isApiError(error) &&
          error.status === 400 &&
          error.fields.some((f) => f.path === 'body.lessonId')
        ) {
          return askWord({ text });
        }
        throw error;
      }),
  };
}

/** "Ask about this word" for one word (an unknown term in a popover, or selected text). */
export function AskWordButton({
  text,
  lessonId,
  label,
  className,
}: {
  text: string;
  lessonId?: string;
  label?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const ask = useAsk();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <span className="ask-word">
      {sent ? null : (
        <button
          type="button"
          className={className ?? 'button'}
          disabled={ask.isPending}
          onClick={() => {
            setError(null);
            ask.ask(text.slice(0, ASK_MAX), lessonId).then(
              () => setSent(true),
              (e: unknown) => setError(e),
            );
          }}
        >
          {label ?? t('glossary.ask.button')}
        </button>
      )}
      <span role="status" className="term-line">
        {sent ? t('glossary.ask.sent', { text }) : null}
      </span>
      {error ? (
        <span className="field-error term-line" role="alert">
          {errorMessage(t, error)}
        </span>
      ) : null}
    </span>
  );
}

/** A typed word, from the lesson or the glossary page. */
export function AskWordForm({ lessonId, className }: { lessonId?: string; className?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const ask = useAsk();
  const [text, setText] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const tooLong = text.trim().length > ASK_MAX;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const word = text.trim();
    if (!word || tooLong) return;
    setError(null);
    ask.ask(word, lessonId).then(
      () => {
        setSent(word);
        setText('');
      },
      (e: unknown) => setError(e),
    );
  };

  return (
    <section className={className ? `card ask-form ${className}` : 'card ask-form'} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('glossary.ask.formTitle')}</h2>
      <p id={`${id}-hint`} className="field-hint">
        {t('glossary.ask.formHint')}
      </p>
      <form className="inline-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('glossary.ask.field')}</label>
          <input
            id={`${id}-text`}
            type="text"
            value={text}
            required
            aria-describedby={tooLong ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={tooLong || undefined}
            onChange={(e) => {
              setText(e.target.value);
              setSent(null);
            }}
          />
          {tooLong ? (
            <p id={`${id}-error`} className="field-error">
              {t('glossary.ask.tooLong')}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={ask.isPending}>
          {t('glossary.ask.submit')}
        </button>
      </form>
      <div role="status" className="status-region">
        {sent ? <p className="alert alert-success">{t('glossary.ask.sent', { text: sent })}</p> : null}
      </div>
      {error ? (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, error)}
        </p>
      ) : null}
    </section>
  );
}
