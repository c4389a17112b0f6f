import { LOCALES, QUESTION_TYPES, type DraftQuestion, type LessonContent, type Locale } from '@dari/contracts';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/fields';
import { useLocale } from '../../../components/use-locale';
import { pickText } from '../../../components/course/localized';
import { LocalizedFields, type Text } from './localized-fields';
import { ConfirmAction } from '../../../components/confirm-action';
import { LANGUAGE_NAMES } from '../../../i18n';
import { HTML_LANG } from '../../../lib/format';

export type QuizContent = Extract<LessonContent, { kind: 'quiz' }>;
type QuestionType = DraftQuestion['type'];
type Option = { key: string; text: Text; correct: boolean };

const EMPTY: Text = { ko: '' };

/** Keys must be unique in their list and stay stable: the next free "q3", "b"… */
function nextKey(prefix: string, taken: string[]): string {
  for (let n = 1; ; n += 1) {
    const key = prefix !== '' ? `${prefix}${n}` : n <= 26 ? String.fromCharCode(96 + n) : `o${n}`;
    if (!taken.includes(key)) return key;
  }
}

function newOptions(): Option[] {
  return ['a', 'b'].map((key, i) => ({ key, text: EMPTY, correct: i === 0 }));
}

/** Changing the type keeps the prompt, the explanation and, between the two choice types, the options. */
function withType(question: DraftQuestion, type: QuestionType): DraftQuestion {
  const base = { key: question.key, prompt: question.prompt, explanation: question.explanation };
  const options = 'options' in question ? question.options : newOptions();
  switch (type) {
    case 'single': {
      const first = options.findIndex((o) => o.correct);
      return { ...base, type, options: options.map((o, i) => ({ ...o, correct: i === Math.max(0, first) })) };
    }
    case 'multiple':
      return { ...base, type, options };
    case 'true_false':
      return { ...base, type, answer: true };
    case 'short_answer':
      return { ...base, type };
  }
}

/**
 * What keeps a question from being published, worded for the editor: a draft may be saved unfinished,
 * but the author must see at once what is missing (publishing refuses it with the same rule).
 */
export function questionWarning(question: DraftQuestion): 'quizEditor.needsOneRight' | 'quizEditor.needsARight' | null {
  if (question.type === 'single' && question.options.filter((o) => o.correct).length !== 1)
    return 'quizEditor.needsOneRight';
  if (question.type === 'multiple' && !question.options.some((o) => o.correct)) return 'quizEditor.needsARight';
  return null;
}

/** The numbers (from 1) of the questions without a right answer. */
export function questionsWithoutAnswer(questions: DraftQuestion[]): number[] {
  return questions.flatMap((q, i) => (questionWarning(q) ? [i + 1] : []));
}

/** The texts of a question a learner may read: prompt, options, explanation (or model answer). */
function questionTexts(question: DraftQuestion): Text[] {
  return [question.prompt, ...('options' in question ? question.options.map((o) => o.text) : []), question.explanation];
}

/**
 * Does the quiz still lack text in `locale`? Korean: a prompt or an option is empty (the explanation may
 * be). English and Chinese are optional, but a text written in Korean and not yet in that language counts.
 */
export function quizMissing(questions: DraftQuestion[], locale: Locale): boolean {
  if (locale === 'ko')
    return questions.some((q) => !q.prompt.ko.trim() || ('options' in q && q.options.some((o) => !o.text.ko.trim())));
  return questions.some((q) => questionTexts(q).some((text) => text.ko.trim() !== '' && !text[locale]?.trim()));
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

interface QuestionEditorProps {
  question: DraftQuestion;
  /** The one language whose boxes are shown (the quiz editor's tabs). */
  language: Locale;
  index: number;
  count: number;
  disabled: boolean;
  onChange: (question: DraftQuestion) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

function QuestionEditor({
  question,
  language,
  index,
  count,
  disabled,
  onChange,
  onMove,
  onRemove,
}: QuestionEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const number = index + 1;
  const options = 'options' in question ? question.options : [];
  const setOptions = (next: Option[]) => {
    if (question.type === 'single' || question.type === 'multiple') onChange({ ...question, options: next });
  };
  const warning = questionWarning(question);

  return (
    <li className="card quiz-edit-question">
      <h3>{t('quiz.questionNumber', { number })}</h3>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('quizEditor.type')}</label>
        <select
          id={`${id}-type`}
          value={question.type}
          disabled={disabled}
          onChange={(e) => onChange(withType(question, e.target.value as QuestionType))}
        >
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`questionTypes.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <LocalizedFields
        languages={[language]}
        label={t('quizEditor.prompt')}
        value={question.prompt}
        multiline
        disabled={disabled}
        onChange={(prompt) => onChange({ ...question, prompt })}
      />

      {question.type === 'single' || question.type === 'multiple' ? (
        <fieldset
          className="quiz-options"
          aria-describedby={warning ? `${id}-warning` : undefined}
          aria-invalid={warning ? true : undefined}
        >
          <legend>
            {question.type === 'single' ? t('quizEditor.optionsSingle') : t('quizEditor.optionsMultiple')}
          </legend>
          {warning ? (
            <p id={`${id}-warning`} className="field-error">
              {t(warning)}
            </p>
          ) : null}
          <ol>
            {options.map((option, i) => {
              const optionName = pickText(option.text, locale).text || t('quizEditor.optionNumber', { number: i + 1 });
              return (
                <li key={option.key} className="quiz-option">
                  <LocalizedFields
                    languages={[language]}
                    label={t('quizEditor.optionNumber', { number: i + 1 })}
                    value={option.text}
                    disabled={disabled}
                    onChange={(text) => setOptions(options.map((o) => (o.key === option.key ? { ...o, text } : o)))}
                  />
                  {question.type === 'single' ? (
                    <div className="field field-checkbox">
                      <input
                        id={`${id}-correct-${option.key}`}
                        type="radio"
                        name={`${id}-correct`}
                        checked={option.correct}
                        disabled={disabled}
                        onChange={() => setOptions(options.map((o) => ({ ...o, correct: o.key === option.key })))}
                      />
                      <label htmlFor={`${id}-correct-${option.key}`}>
                        {t('quizEditor.correct', { option: optionName })}
                      </label>
                    </div>
                  ) : (
                    <CheckboxField
                      label={t('quizEditor.correct', { option: optionName })}
                      checked={option.correct}
                      disabled={disabled}
                      onChange={(e) =>
                        setOptions(options.map((o) => (o.key === option.key ? { ...o, correct: e.target.checked } : o)))
                      }
                    />
                  )}
                  {!disabled && options.length > 2 ? (
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => setOptions(options.filter((o) => o.key !== option.key))}
                    >
                      {t('quizEditor.removeOption', { option: optionName })}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {!disabled && options.length < 8 ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                setOptions([
                  ...options,
                  {
                    key: nextKey(
                      '',
                      options.map((o) => o.key),
                    ),
                    text: EMPTY,
                    correct: false,
                  },
                ])
              }
            >
              {t('quizEditor.addOption')}
            </button>
          ) : null}
        </fieldset>
      ) : null}

      {question.type === 'true_false' ? (
        <fieldset>
          <legend>{t('quizEditor.answer')}</legend>
          {[true, false].map((value) => (
            <div key={String(value)} className="field field-checkbox">
              <input
                id={`${id}-tf-${String(value)}`}
                type="radio"
                name={`${id}-tf`}
                checked={question.answer === value}
                disabled={disabled}
                onChange={() => onChange({ ...question, answer: value })}
              />
              <label htmlFor={`${id}-tf-${String(value)}`}>{value ? t('quiz.true') : t('quiz.false')}</label>
            </div>
          ))}
        </fieldset>
      ) : null}

      <LocalizedFields
        languages={[language]}
        label={question.type === 'short_answer' ? t('quizEditor.modelAnswer') : t('quizEditor.explanation')}
        value={question.explanation}
        multiline
        disabled={disabled}
        onChange={(explanation) => onChange({ ...question, explanation })}
      />
      {!disabled ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
            aria-label={t('quizEditor.moveUp', { number })}
          >
            {t('outline.up')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
            aria-label={t('quizEditor.moveDown', { number })}
          >
            {t('outline.down')}
          </button>
          <ConfirmAction
            label={t('quizEditor.removeQuestion', { number })}
            question={t('quizEditor.removeQuestionConfirm', { number })}
            confirmLabel={t('quizEditor.removeQuestionYes')}
            onConfirm={onRemove}
            danger
          />
        </div>
      ) : null}
    </li>
  );
}

/** Builds the quiz's content JSON: pass mark, shuffle, and the questions with their options and answers. */
export function QuizEditor({
  value,
  onChange,
  disabled,
}: {
  value: QuizContent;
  onChange: (value: QuizContent) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const questions = value.questions;
  const setQuestions = (next: DraftQuestion[]) => onChange({ ...value, questions: next });
  // One language at a time: with every language open a question had 12 or more boxes on a phone.
  const [language, setLanguage] = useState<Locale>('ko');
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = LOCALES.indexOf(language);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % LOCALES.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + LOCALES.length) % LOCALES.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? LOCALES.length - 1
              : null;
    if (to === null) return;
    event.preventDefault();
    setLanguage(LOCALES[to]);
    tabRefs.current[to]?.focus();
  };

  return (
    <section className="quiz-editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('quizEditor.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-pass`}>{t('quizEditor.passMark')}</label>
        <p id={`${id}-pass-hint`} className="field-hint">
          {t('quizEditor.passMarkHint')}
        </p>
        <input
          id={`${id}-pass`}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={value.passMark}
          disabled={disabled}
          aria-describedby={`${id}-pass-hint`}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (Number.isFinite(n)) onChange({ ...value, passMark: Math.min(100, Math.max(0, n)) });
          }}
        />
      </div>
      <CheckboxField
        label={t('quizEditor.shuffle')}
        checked={value.shuffle}
        disabled={disabled}
        onChange={(e) => onChange({ ...value, shuffle: e.target.checked })}
      />
      {questions.length === 0 ? <p className="muted">{t('quiz.noQuestions')}</p> : null}
      <p id={`${id}-tabs-hint`} className="field-hint">
        {t('quizEditor.languagesHint')}
      </p>
      <div
        className="language-tabs"
        role="tablist"
        aria-label={t('quizEditor.languages')}
        aria-describedby={`${id}-tabs-hint`}
      >
        {LOCALES.map((locale, i) => {
          const missing = quizMissing(questions, locale);
          return (
            <button
              key={locale}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              id={`${id}-tab-${locale}`}
              type="button"
              role="tab"
              aria-selected={language === locale}
              aria-controls={`${id}-panel`}
              tabIndex={language === locale ? 0 : -1}
              onClick={() => setLanguage(locale)}
              onKeyDown={onTabKey}
            >
              <span lang={HTML_LANG[locale]}>{LANGUAGE_NAMES[locale]}</span>
              {missing ? (
                <>
                  {' '}
                  <span className="language-missing" aria-hidden="true">
                    ●
                  </span>{' '}
                  <span className="visually-hidden">({t('quizEditor.languageMissing')})</span>
                </>
              ) : null}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${language}`}>
        <ol className="quiz-edit-questions">
          {questions.map((question, index) => (
            <QuestionEditor
              key={question.key}
              question={question}
              language={language}
              index={index}
              count={questions.length}
              disabled={disabled}
              onChange={(q) => setQuestions(questions.map((old, i) => (i === index ? q : old)))}
              onMove={(to) => setQuestions(move(questions, index, to))}
              onRemove={() => setQuestions(questions.filter((_, i) => i !== index))}
            />
          ))}
        </ol>
      </div>
      {!disabled && questions.length < 100 ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            setQuestions([
              ...questions,
              {
                key: nextKey(
                  'q',
                  questions.map((q) => q.key),
                ),
                type: 'single',
                prompt: EMPTY,
                explanation: EMPTY,
                options: newOptions(),
              },
            ])
          }
        >
          {t('quizEditor.addQuestion')}
        </button>
      ) : null}
    </section>
  );
}
