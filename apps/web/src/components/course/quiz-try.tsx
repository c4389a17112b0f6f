import type { Locale, PublishedLesson } from '@dari/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFactText } from '../markdown/facts-context';
import { LessonText } from './lesson-text';
import { pickText } from './localized';

export type QuizContent = Extract<PublishedLesson['content'], { kind: 'quiz' }>;
type Question = QuizContent['questions'][number];

export type Answer = string[] | boolean | string | undefined;

function isRight(question: Question, answer: Answer): boolean | null {
  if (question.type === 'short_answer') return null; // not graded: the explanation is a model answer
  if (question.type === 'true_false') return answer === question.answer;
  const chosen = new Set(Array.isArray(answer) ? answer : []);
  const correct = question.options.filter((o) => o.correct).map((o) => o.key);
  return correct.length === chosen.size && correct.every((key) => chosen.has(key));
}

/** After checking: which option is right, and which one the learner chose (both can be the same). */
function ChoiceMarks({ correct, mine }: { correct: boolean; mine: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {correct ? <span className="choice-mark">{t('quiz.correctOption')}</span> : null}
      {mine ? <span className="choice-mark choice-mine">{t('learning.quiz.yourChoice')}</span> : null}
    </>
  );
}

/** One question; once checked, says whether it was right (`verdict` from the server's grading, when given). */
export function QuestionTry({
  question,
  index,
  locale,
  checked,
  answer,
  onAnswer,
  verdict,
}: {
  question: Question;
  index: number;
  locale: Locale;
  checked: boolean;
  answer: Answer;
  onAnswer: (answer: Answer) => void;
  verdict?: boolean | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const factText = useFactText();
  const prompt = pickText(question.prompt, locale);
  const explanation = pickText(question.explanation, locale);
  const right = !checked ? null : verdict !== undefined ? verdict : isRight(question, answer);

  return (
    <fieldset className="quiz-question" aria-describedby={checked ? `${id}-result` : undefined}>
      <legend>{t('quiz.questionNumber', { number: index + 1 })}</legend>
      <LessonText source={prompt.text} lang={prompt.lang} />
      {question.type === 'single' || question.type === 'multiple' ? (
        <div className="choices">
          {question.options.map((option) => {
            const text = pickText(option.text, locale);
            const chosen = Array.isArray(answer) && answer.includes(option.key);
            return (
              <label key={option.key} className="choice" lang={text.lang}>
                <input
                  type={question.type === 'single' ? 'radio' : 'checkbox'}
                  name={id}
                  checked={chosen}
                  disabled={checked}
                  onChange={(e) => {
                    const current = Array.isArray(answer) ? answer : [];
                    if (question.type === 'single') onAnswer([option.key]);
                    else
                      onAnswer(e.target.checked ? [...current, option.key] : current.filter((k) => k !== option.key));
                  }}
                />
                <span>{factText(text.text, text.lang)}</span>
                {checked ? <ChoiceMarks correct={option.correct} mine={chosen} /> : null}
              </label>
            );
          })}
        </div>
      ) : null}
      {question.type === 'true_false' ? (
        <div className="choices">
          {[true, false].map((value) => (
            <label key={String(value)} className="choice">
              <input
                type="radio"
                name={id}
                checked={answer === value}
                disabled={checked}
                onChange={() => onAnswer(value)}
              />
              <span>{value ? t('quiz.true') : t('quiz.false')}</span>
              {checked ? <ChoiceMarks correct={value === question.answer} mine={answer === value} /> : null}
            </label>
          ))}
        </div>
      ) : null}
      {question.type === 'short_answer' ? (
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('quiz.yourAnswer')}</label>
          <textarea
            id={`${id}-text`}
            rows={3}
            value={typeof answer === 'string' ? answer : ''}
            onChange={(e) => onAnswer(e.target.value)}
          />
        </div>
      ) : null}
      {checked ? (
        <div id={`${id}-result`} className={right === false ? 'quiz-result quiz-wrong' : 'quiz-result quiz-right'}>
          {/* The verdict is about the learner's answer, and the explanation stands apart under its own label:
              an explanation that opens "틀려요." (the statement is false) never reads as "맞았어요! 틀려요.". */}
          <p>
            <strong>
              {right === null ? t('quiz.modelAnswer') : right ? t('learning.quiz.yourAnswerRight') : t('quiz.notQuite')}
            </strong>
          </p>
          {right === null ? null : <p className="quiz-explanation-label">{t('learning.quiz.explanation')}</p>}
          <LessonText source={explanation.text} lang={explanation.lang} />
        </div>
      ) : null}
    </fieldset>
  );
}

/**
 * Try a quiz here and now: answers stay in this page and are checked on the phone.
 * Nothing is recorded (progress and attempts come with the lesson player).
 */
export function QuizTry({ content, locale }: { content: QuizContent; locale: Locale }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [checked, setChecked] = useState(false);
  const graded = content.questions.filter((q) => q.type !== 'short_answer');
  const score = graded.filter((q) => isRight(q, answers[q.key])).length;

  if (content.questions.length === 0) return <p className="muted">{t('quiz.noQuestions')}</p>;
  return (
    <form
      className="quiz"
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(true);
      }}
    >
      <p className="muted">{t('quiz.localOnly')}</p>
      {content.questions.map((question, index) => (
        <QuestionTry
          key={question.key}
          question={question}
          index={index}
          locale={locale}
          checked={checked}
          answer={answers[question.key]}
          onAnswer={(answer) => setAnswers((all) => ({ ...all, [question.key]: answer }))}
        />
      ))}
      <div role="status" aria-live="polite">
        {checked && graded.length > 0 ? (
          <p className="alert alert-info">
            {t('quiz.score', { score, total: graded.length })}{' '}
            {Math.round((score / graded.length) * 100) >= content.passMark
              ? t('quiz.passed', { mark: content.passMark })
              : t('quiz.notPassed', { mark: content.passMark })}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        {checked ? (
          // Its own key: the same DOM button turning into "submit" mid-click would send the empty form.
          <button
            key="again"
            type="button"
            className="button"
            onClick={() => {
              setAnswers({});
              setChecked(false);
            }}
          >
            {t('quiz.again')}
          </button>
        ) : (
          <button key="submit" type="submit" className="button button-primary">
            {t('quiz.check')}
          </button>
        )}
      </div>
    </form>
  );
}
