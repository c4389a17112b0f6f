import type { CourseResults, QuizAnswer, QuizResult, ResultQuestion } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pickText } from '@/components/course/localized';
import { Page } from '@/components/page';
import { QueryState } from '@/components/query-state';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useMyResults } from '../api/get-results';

type Locale = ReturnType<typeof useLocale>;

/** My results: each course's lessons done, skipped and left, and each quiz's attempts with the right answers. */
export function ResultsPage() {
  const { t } = useTranslation();
  const results = useMyResults();
  // From a course page (#course-<id>): that course first.
  const first = typeof window !== 'undefined' ? window.location.hash.replace(/^#course-/, '') : '';

  return (
    <Page title={t('results.title')} className="results-page">
      <p>
        <Link to={paths.learn.home}>{t('learning.backToMine')}</Link>
      </p>
      <p className="lead">{t('results.intro')}</p>
      <QueryState
        query={results}
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">{t('results.empty')}</p>}
      >
        {(data) => (
          <div className="results-courses">
            {[...data.items]
              .sort((a, b) => Number(b.courseId === first) - Number(a.courseId === first))
              .map((course) => (
                <CourseResultsCard key={course.courseId} course={course} />
              ))}
          </div>
        )}
      </QueryState>
    </Page>
  );
}

function CourseResultsCard({ course }: { course: CourseResults }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = pickText(course.title, locale);
  const count = (s: string) => course.lessons.filter((l) => l.status === s).length;
  const done = count('completed');
  const skipped = count('skipped');
  const left = course.lessons.length - done - skipped;
  return (
    <section className="card results-course" id={`course-${course.courseId}`} aria-labelledby={`rc-${course.courseId}`}>
      <h2 id={`rc-${course.courseId}`} lang={title.lang}>
        <Link to={paths.learn.course(course.slug)}>{title.text}</Link>
      </h2>
      <p>{t('results.counts', { done, skipped, left })}</p>
      <details>
        <summary>{t('results.lessons')}</summary>
        <ul className="results-lessons">
          {course.lessons.map((l) => {
            const lt = pickText(l.title, locale);
            return (
              <li key={l.lessonId}>
                <Link to={paths.learn.lesson(course.slug, l.lessonId)} lang={lt.lang}>
                  {lt.text}
                </Link>{' '}
                <span className="muted">· {t(`learning.status.${l.status}`)}</span>
              </li>
            );
          })}
        </ul>
      </details>
      {course.quizzes.map((quiz) => (
        <QuizResultBlock key={quiz.lessonId} quiz={quiz} locale={locale} />
      ))}
    </section>
  );
}

function QuizResultBlock({ quiz, locale }: { quiz: QuizResult; locale: Locale }) {
  const { t } = useTranslation();
  const title = pickText(quiz.title, locale);
  return (
    <div className="results-quiz">
      <h3 lang={title.lang}>{title.text}</h3>
      {quiz.attempts.length === 0 ? (
        <p className="muted">{t('results.notTried')}</p>
      ) : (
        <>
          <p>
            {t('results.best', { score: quiz.bestScore ?? 0, passMark: quiz.passMark })}{' '}
            <strong>{quiz.passed ? t('results.passed') : t('results.notPassed')}</strong>
          </p>
          <ol className="results-attempts">
            {quiz.attempts.map((attempt, i) => (
              <li key={attempt.submittedAt}>
                <details open={i === 0}>
                  <summary>
                    {t('results.attempt', { score: attempt.score })} · {formatDateTime(attempt.submittedAt, locale)}
                  </summary>
                  <ul className="results-questions">
                    {quiz.questions.map((q) => (
                      <QuestionResult
                        key={q.key}
                        q={q}
                        given={attempt.answers[q.key]}
                        right={attempt.correct[q.key]}
                        locale={locale}
                      />
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function QuestionResult(props: {
  q: ResultQuestion;
  given: QuizAnswer | undefined;
  right: boolean | undefined;
  locale: Locale;
}) {
  const { q, given, right, locale } = props;
  const { t } = useTranslation();
  const prompt = pickText(q.prompt, locale);
  const explanation = pickText(q.explanation, locale);
  const optionText = (key: string) => pickText(q.options.find((o) => o.key === key)?.text, locale).text;
  const yesNo = (v: boolean) => (v ? t('results.true') : t('results.false'));
  const givenText =
    given === undefined
      ? t('results.noAnswer')
      : typeof given === 'boolean'
        ? yesNo(given)
        : Array.isArray(given)
          ? given.map(optionText).join(', ')
          : given;
  const rightText =
    q.type === 'true_false' && q.answer !== null
      ? yesNo(q.answer)
      : q.options
          .filter((o) => o.correct)
          .map((o) => pickText(o.text, locale).text)
          .join(', ');
  return (
    <li className="results-question">
      <p lang={prompt.lang}>{prompt.text}</p>
      <p>
        {t('results.yourAnswer')} {givenText}{' '}
        {right === undefined ? null : <strong>{right ? t('results.right') : t('results.wrong')}</strong>}
      </p>
      {rightText ? (
        <p>
          {t('results.rightAnswer')} {rightText}
        </p>
      ) : null}
      {explanation.text ? (
        <p className="muted" lang={explanation.lang}>
          {explanation.text}
        </p>
      ) : null}
    </li>
  );
}
