import type { Locale, QuizReview } from '@dari/contracts';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useLocale } from '../use-locale';
import type { QuizAnswers, QuizOutcome, SubmitQuiz } from './quiz-outcome';
import { QuestionTry, type Answer, type LearnerQuizContent } from './quiz-try';

export type { QuizOutcome };

interface QuizPlayProps {
  /** The quiz without its answers: they come with the server's grading. */
  content: LearnerQuizContent;
  locale: Locale;
  onSubmit: SubmitQuiz;
  /** The best attempt so far (it is the one that counts). */
  best?: { score: number | null; passed: boolean | null; attempts: number };
  /** Shown under the result, e.g. the way to the next lesson. */
  afterResult?: ReactNode;
  /** The learner's last graded attempt (from the server): shown again, answers and all, until they try again. */
  last?: LastAttempt | null;
}

export interface LastAttempt {
  answers: QuizAnswers;
  correct: Record<string, boolean>;
  review: QuizReview;
  score: number;
  passed: boolean;
  submittedAt: string;
}

/**
 * A quiz that counts: answers go to the server, which grades them; the learner then sees which were
 * right, with the explanations, the score and the pass mark, and may try again (the best attempt counts).
 */
export function QuizPlay({ content, locale, onSubmit, best, afterResult, last }: QuizPlayProps) {
  const { t } = useTranslation();
  const interfaceLocale = useLocale();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [outcome, setOutcome] = useState<QuizOutcome | null>(null);
  const [sending, setSending] = useState(false);
  // The last attempt shown again (after a reload): its date, until the learner tries again.
  const [reviewing, setReviewing] = useState<string | null>(null);
  const touched = useRef(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const graded = outcome?.state === 'graded' ? outcome : null;

  useEffect(() => {
    // The last attempt arrives after the page: show it, unless the learner has already started answering.
    if (!last || touched.current) return;
    setAnswers(last.answers);
    setOutcome({ state: 'graded', score: last.score, passed: last.passed, correct: last.correct, review: last.review });
    setReviewing(last.submittedAt);
  }, [last]);

  useEffect(() => {
    // Bring a new result into view and to the screen reader's attention (not one shown again on arrival).
    if (outcome && touched.current) resultRef.current?.focus();
  }, [outcome]);

  if (content.questions.length === 0) return <p className="muted">{t('quiz.noQuestions')}</p>;
  return (
    <form
      className="quiz"
      onSubmit={(e) => {
        e.preventDefault();
        if (sending) return;
        touched.current = true;
        const sent: QuizAnswers = {};
        for (const [key, value] of Object.entries(answers)) if (value !== undefined) sent[key] = value;
        setSending(true);
        void onSubmit(sent, setOutcome)
          .then(setOutcome)
          .finally(() => setSending(false));
      }}
    >
      <p className="muted">
        {t('learning.quiz.passMark', { mark: content.passMark })}
        {best && best.attempts > 0 && best.score !== null
          ? ` · ${t('learning.quiz.best', { score: best.score })}${best.passed ? ` · ${t('learning.quiz.bestPassed')}` : ''}`
          : ''}
      </p>
      {content.questions.map((question, index) => (
        <QuestionTry
          key={question.key}
          question={question}
          index={index}
          locale={locale}
          checked={graded !== null}
          answer={answers[question.key]}
          verdict={
            graded ? (question.type === 'short_answer' ? null : (graded.correct[question.key] ?? false)) : undefined
          }
          review={graded?.review[question.key] ? { ...graded.review[question.key], html: true } : undefined}
          onAnswer={(answer) => {
            touched.current = true;
            setAnswers((all) => ({ ...all, [question.key]: answer }));
          }}
        />
      ))}
      <div className="quiz-outcome" role="status" aria-live="polite" tabIndex={-1} ref={resultRef}>
        {graded && reviewing ? (
          <p className="muted">
            {t('learning.quiz.lastAttempt', { date: formatDateTime(reviewing, interfaceLocale) })}
          </p>
        ) : null}
        {graded ? (
          <p className={graded.passed ? 'alert alert-success' : 'alert alert-info'}>
            <strong>{t('learning.quiz.score', { score: graded.score })}</strong>{' '}
            {graded.passed
              ? t('learning.quiz.passed', { mark: content.passMark })
              : t('learning.quiz.notPassed', { mark: content.passMark })}
          </p>
        ) : null}
        {outcome?.state === 'queued' ? <p className="alert alert-info">{t('learning.quiz.queued')}</p> : null}
        {outcome?.state === 'refused' ? <p className="alert alert-error">{outcome.message}</p> : null}
      </div>
      {graded?.passed ? afterResult : null}
      <div className="button-row">
        {graded ? (
          // Its own key: the same DOM button turning into "submit" mid-click would send the empty form.
          <button
            key="again"
            type="button"
            className="button"
            onClick={() => {
              touched.current = true;
              setAnswers({});
              setOutcome(null);
              setReviewing(null);
            }}
          >
            {t('quiz.again')}
          </button>
        ) : (
          <button
            key="submit"
            type="submit"
            className="button button-primary"
            disabled={sending || outcome?.state === 'queued'}
          >
            {sending ? t('learning.quiz.sending') : t('learning.quiz.submit')}
          </button>
        )}
      </div>
    </form>
  );
}
