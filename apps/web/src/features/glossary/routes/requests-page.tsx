import { WORD_REQUEST_STATUSES, type AuthorCourse, type WordRequest } from '@dari/contracts';
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert, LoadError, StatusMessage } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { QueryState } from '@/components/query-state';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { formatDateTime } from '@/lib/format';
import { useCourseOutlines } from '../api/course-names';
import { useGlossarySearch } from '../api/search-terms';
import {
  useAnswerWordRequest,
  useDismissWordRequest,
  useStaffWordRequests,
  type WordRequestStatus,
} from '../api/word-requests';
import { GlossaryNav } from '../components/glossary-nav';
import { TermDetails } from '../components/term-details';
import { TermForm } from '../components/term-form';
import { paths } from '@/config/paths';

function whereAsked(request: WordRequest, course: AuthorCourse | undefined, locale: ReturnType<typeof useLocale>) {
  if (!request.courseId || !course) return null;
  const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.id === request.lessonId);
  const courseTitle = pickText(course.title, locale).text;
  return lesson ? `${courseTitle} › ${pickText(lesson.title, locale).text}` : courseTitle;
}

/** Answer by linking a term already in the glossary: search, then choose. */
function LinkExisting({ request, onAnswered }: { request: WordRequest; onAnswered: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState(request.text.slice(0, 60));
  const [submitted, setSubmitted] = useState(request.text.slice(0, 60));
  const results = useGlossarySearch({ q: submitted || undefined, page: 1, pageSize: 8 }, submitted.trim().length > 0);
  const answer = useAnswerWordRequest();

  const onSearch = (event: SubmitEvent) => {
    event.preventDefault();
    setSubmitted(q.trim());
  };

  return (
    <section className="request-answer" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('glossary.requests.linkTitle')}</h4>
      <form className="inline-form" onSubmit={onSearch} role="search" aria-labelledby={`${id}-title`}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('glossary.requests.linkSearch')}</label>
          <input id={`${id}-q`} type="search" value={q} maxLength={60} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit" className="button">
          {t('glossary.search.submit')}
        </button>
      </form>
      {results.isFetching && !results.data ? <Loading /> : null}
      {results.isError ? <LoadError error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data ? (
        results.data.items.length > 0 ? (
          <ul className="term-list">
            {results.data.items.map((term) => (
              <li key={term.id} className="card term-card">
                <p className="term-line">
                  <strong lang="ko">{term.term}</strong>
                </p>
                <TermDetails term={term} />
                <button
                  type="button"
                  className="button"
                  disabled={answer.isPending}
                  onClick={() =>
                    answer.mutate({ id: request.id, answer: { termId: term.id } }, { onSuccess: onAnswered })
                  }
                >
                  {t('glossary.requests.linkChoose', { term: term.term })}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('glossary.requests.linkNone')}</p>
        )
      ) : null}
      <ErrorAlert error={answer.error} />
    </section>
  );
}

function RequestCard({
  request,
  course,
  onDone,
}: {
  request: WordRequest;
  course: AuthorCourse | undefined;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [mode, setMode] = useState<'none' | 'link' | 'create'>('none');
  const answer = useAnswerWordRequest();
  const dismiss = useDismissWordRequest();
  const where = whereAsked(request, course, locale);

  return (
    <li className="card request-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{request.text}</h3>
      <dl className="facts">
        <div>
          <dt>{t('glossary.requests.askedBy')}</dt>
          <dd>{request.askedBy ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('glossary.requests.where')}</dt>
          <dd>
            {!request.courseId ? (
              t('glossary.requests.noLesson')
            ) : where && course ? (
              <Link
                to={
                  request.lessonId
                    ? `/teach/courses/${course.id}/lessons/${request.lessonId}`
                    : `/teach/courses/${course.id}`
                }
              >
                {where}
              </Link>
            ) : (
              t('glossary.requests.unknownCourse')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('glossary.requests.askedAt')}</dt>
          <dd>{formatDateTime(request.createdAt, locale)}</dd>
        </div>
        {request.term ? (
          <div>
            <dt>{t('glossary.requests.answer')}</dt>
            <dd>
              <Link to={paths.glossary.term(request.term.id)} lang="ko">
                {request.term.term}
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
      {request.status === 'open' ? (
        <>
          <div className="button-row">
            <button
              type="button"
              className="button"
              aria-expanded={mode === 'link'}
              onClick={() => setMode(mode === 'link' ? 'none' : 'link')}
            >
              {t('glossary.requests.linkTitle')}
            </button>
            <button
              type="button"
              className="button"
              aria-expanded={mode === 'create'}
              onClick={() => setMode(mode === 'create' ? 'none' : 'create')}
            >
              {t('glossary.requests.createTitle')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={dismiss.isPending}
              onClick={() => dismiss.mutate(request.id, { onSuccess: () => onDone(t('glossary.requests.dismissed')) })}
            >
              {t('glossary.requests.dismiss')}
            </button>
          </div>
          <ErrorAlert error={dismiss.error} />
          {mode === 'link' ? (
            <LinkExisting request={request} onAnswered={() => onDone(t('glossary.requests.answered'))} />
          ) : null}
          {mode === 'create' ? (
            <section className="request-answer" aria-label={t('glossary.requests.createTitle')}>
              <TermForm
                initial={{ term: request.text.slice(0, 60) }}
                submitLabel={t('glossary.form.submitNew')}
                pending={answer.isPending}
                error={answer.error}
                onSave={async (entry) => {
                  await answer.mutateAsync({ id: request.id, answer: { newTerm: entry } });
                  onDone(t('glossary.requests.answered'));
                }}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </li>
  );
}

/** Staff: learners' word requests from their courses (all for managers and admins), answered into the glossary. */
export function RequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: WordRequestStatus = (WORD_REQUEST_STATUSES as readonly string[]).includes(raw ?? '')
    ? (raw as WordRequestStatus)
    : 'open';
  const requests = useStaffWordRequests(status);
  const courses = useCourseOutlines((requests.data?.items ?? []).flatMap((r) => (r.courseId ? [r.courseId] : [])));
  const [done, setDone] = useState<string | null>(null);

  return (
    <Page title={t('glossary.requests.title')}>
      <GlossaryNav />
      <p>{t('glossary.requests.intro')}</p>
      <div className="language-tabs" role="group" aria-label={t('glossary.requests.statusLabel')}>
        {WORD_REQUEST_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={status === s}
            onClick={() => {
              setDone(null);
              setParams(s === 'open' ? {} : { status: s });
            }}
          >
            {t(`glossary.staffStatus.${s}`)}
          </button>
        ))}
      </div>
      <StatusMessage>{done}</StatusMessage>
      <QueryState
        query={requests}
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="card empty-state">{t('glossary.requests.empty')}</p>}
      >
        {(data) => (
          <ul className="request-list">
            {data.items.map((r) => (
              <RequestCard
                key={r.id}
                request={r}
                course={r.courseId ? courses.get(r.courseId) : undefined}
                onDone={setDone}
              />
            ))}
          </ul>
        )}
      </QueryState>
    </Page>
  );
}
