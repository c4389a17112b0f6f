import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_TEXT_MAX } from '@dari/contracts';
import { ErrorAlert } from '@/components/alerts';
import { useLocale } from '@/components/use-locale';
import { formatDateTime } from '@/lib/format';
import { useAskQuestion, useLessonQa, useMyQuestions, useUnpublishQa } from '../api/questions';

/**
 * Under a lesson: the questions and answers its instructors published (nobody's name on them), my own
 * questions about it with their answers, and a form to ask privately. Nothing I write here reaches
 * another learner unless an instructor rewrites and publishes it.
 */
export function LessonQuestions({ lessonId }: { lessonId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const qa = useLessonQa(lessonId);
  const mine = useMyQuestions();
  const ask = useAskQuestion(lessonId);
  const unpublish = useUnpublishQa(lessonId);
  const [text, setText] = useState('');
  const myHere = (mine.data?.items ?? []).filter((q) => q.lessonId === lessonId);

  return (
    <section className="lesson-questions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('questions.title')}</h2>
      {qa.data && qa.data.items.length > 0 ? (
        <ul className="qa-list">
          {qa.data.items.map((item) => (
            <li key={item.id} className="card qa-item">
              <p className="qa-question">
                <strong>{t('questions.q')}</strong> {item.question}
              </p>
              <p className="qa-answer">
                <strong>{t('questions.a')}</strong> {item.answer}
              </p>
              {/* The course's staff may take it down (moderation); learners never see this. */}
              {qa.data.canUnpublish ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => unpublish.mutate(item.id)}
                  disabled={unpublish.isPending}
                >
                  {t('questions.unpublish')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : qa.isSuccess ? (
        <p className="muted">{t('questions.nonePublished')}</p>
      ) : null}
      <ErrorAlert error={unpublish.error} />

      {myHere.length > 0 ? (
        <>
          <h3>{t('questions.mine')}</h3>
          <ul className="qa-list">
            {myHere.map((q) => (
              <li key={q.id} className="card qa-item">
                <p className="qa-question">{q.text}</p>
                <p className="muted">
                  {formatDateTime(q.createdAt, locale)} ·{' '}
                  {q.status === 'answered' ? t('questions.status.answered') : t('questions.status.open')}
                </p>
                {q.answer ? (
                  <p className="qa-answer">
                    <strong>{t('questions.a')}</strong> {q.answer}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          ask.mutate(text.trim(), { onSuccess: () => setText('') });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('questions.askLabel')}</label>
          <p id={`${id}-hint`} className="field-hint">
            {t('questions.askHint')}
          </p>
          <textarea
            id={`${id}-text`}
            rows={3}
            maxLength={QUESTION_TEXT_MAX}
            value={text}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div role="status" aria-live="polite">
          {ask.isSuccess && !text ? <p className="alert alert-success">{t('questions.sent')}</p> : null}
        </div>
        {ask.isError ? <ErrorAlert error={ask.error} /> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={ask.isPending || !text.trim()}>
            {t('questions.ask')}
          </button>
        </div>
      </form>
    </section>
  );
}
