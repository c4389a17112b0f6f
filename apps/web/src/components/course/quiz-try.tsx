import type { LocalizedText, Locale, PublishedLesson, RenderedLessonContent } from '@dari/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LessonHtml } from '../markdown/lesson-html';
import { useFactText } from '../markdown/facts-context';
import { LessonText } from './lesson-text';
import { pickText } from './localized';

/** A quiz with its answers and explanations: the editor's preview (QuizTry checks it on the phone). */
export type QuizContent = Extract<PublishedLesson['content'], { kind: 'quiz' }>;
type Question = QuizContent['questions'][number];
/**
 * A quiz as the learner's player has it (GET /courses/:slug/lessons/:lessonId, or the whole course's
 * copy): prompts and options, no right answers or explanations — those come with the server's grading.
 */
export type LearnerQuizContent = Extract<RenderedLessonContent, { kind: 'quiz' }>;
type ShownQuestion = LearnerQuizContent['questions'][number];

/** What is shown of a question once it is checked: the right answer and why (`html`: the server's HTML). */
export interface ShownReview {
  options?: readonly string[];
  answer?: boolean;
  explanation: LocalizedText;
  html: boolean;
}

export type Answer = string[] | boolean | string | undefined;

/** The preview's own check, from the quiz's answers (the player's comes from the server). */
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

/** The preview's review of a question, from the quiz itself (Markdown explanation). */
function localReview(question: Question): ShownReview {
  if (question.type === 'single' || question.type === 'multiple')
    return {
      options: question.options.filter((o) => o.correct).map((o) => o.key),
      explanation: question.explanation,
      html: false,
    };
  if (question.type === 'true_false')
    return { answer: question.answer, explanation: question.explanation, html: false };
  return { explanation: question.explanation, html: false };
}

/**
 * One question; once checked, says whether it was right (`verdict`: null for a short answer, which is
 * not graded) and shows `review`: the right answer and the explanation (the player's come from the
 * server's grading; a question it says nothing about shows only the verdict).
 */
export function QuestionTry({
  question,
  index,
  locale,
  checked,
  answer,
  onAnswer,
  verdict,
  review,
}: {
  question: ShownQuestion;
  index: number;
  locale: Locale;
  checked: boolean;
  answer: Answer;
  onAnswer: (answer: Answer) => void;
  verdict: boolean | null | undefined;
  review: ShownReview | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const factText = useFactText();
  const prompt = pickText(question.prompt, locale);
  const explanation = review ? pickText(review.explanation, locale) : null;
  const right = !checked ? null : (verdict ?? null);

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
                {checked ? (
                  <ChoiceMarks correct={review?.options?.includes(option.key) ?? false} mine={chosen} />
                ) : null}
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
              {checked ? <ChoiceMarks correct={review?.answer === value} mine={answer === value} /> : null}
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
          {right === null || !explanation ? null : (
            <p className="quiz-explanation-label">{t('learning.quiz.explanation')}</p>
          )}
          {explanation && review?.html ? <LessonHtml html={explanation.text} lang={explanation.lang} /> : null}
          {explanation && !review?.html ? <LessonText source={explanation.text} lang={explanation.lang} /> : null}
        </div>
      ) : null}
    </fieldset>
  );
}

/**
 * A quiz without its answers and no way to send them (a learner who has not joined the course): its
 * questions to read and choose in, nothing checked; joining the course lets them send and see the grading.
 */
export function QuizQuestions({ content, locale }: { content: LearnerQuizContent; locale: Locale }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  if (content.questions.length === 0) return <p className="muted">{t('quiz.noQuestions')}</p>;
  return (
    <div className="quiz">
      <p className="muted">{t('learning.quiz.enrolToAnswer')}</p>
      {content.questions.map((question, index) => (
        <QuestionTry
          key={question.key}
          question={question}
          index={index}
          locale={locale}
          checked={false}
          answer={answers[question.key]}
          onAnswer={(answer) => setAnswers((all) => ({ ...all, [question.key]: answer }))}
          verdict={undefined}
          review={undefined}
        />
      ))}
    </div>
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
          verdict={checked ? isRight(question, answers[question.key]) : undefined}
          review={checked ? localReview(question) : undefined}
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
