import type { Question } from '@dari/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { Page } from '@/components/page';
import { ShowMore } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import { useLocale } from '@/components/use-locale';
import { formatDateTime } from '@/lib/format';
import { inboxQuestions, useAnswerQuestion, usePublishQuestion, useQuestionsInbox } from '../api/questions-inbox';

/** The instructor's inbox of learners' questions about their courses' lessons (never who asked). */
export function QuestionsInboxPage() {
  const { t } = useTranslation();
  const inbox = useQuestionsInbox();
  return (
    <Page title={t('questions.inbox.title')}>
      <p className="lead">{t('questions.inbox.intro')}</p>
      <QueryState
        query={inbox}
        isEmpty={(data) => data.pages.every((p) => p.items.length === 0)}
        empty={<p className="muted">{t('questions.inbox.empty')}</p>}
      >
        {(data) => (
          <ul className="course-cards">
            {inboxQuestions(data.pages).map((q) => (
              <InboxItem key={q.id} q={q} />
            ))}
          </ul>
        )}
      </QueryState>
      <ShowMore list={inbox} label={t('questions.inbox.more')} />
    </Page>
  );
}

function InboxItem({ q }: { q: Question }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const course = pickText(q.courseTitle, locale);
  const lesson = pickText(q.lessonTitle, locale);
  const answer = useAnswerQuestion(q.id);
  const publish = usePublishQuestion(q.id);
  const [answerText, setAnswerText] = useState(q.answer ?? '');
  const [publishing, setPublishing] = useState(false);
  const [pubQuestion, setPubQuestion] = useState(q.text);
  const [pubAnswer, setPubAnswer] = useState(q.answer ?? '');

  return (
    <li className="card question-item">
      <p className="muted">
        <span lang={course.lang}>{course.text}</span> · <span lang={lesson.lang}>{lesson.text}</span> ·{' '}
        {formatDateTime(q.createdAt, locale)}
      </p>
      <p className="qa-question">{q.text}</p>
      <p>
        <strong>{q.status === 'answered' ? t('questions.status.answered') : t('questions.status.open')}</strong>
        {q.publishedAt ? ` · ${t('questions.inbox.published')}` : null}
      </p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          answer.mutate(answerText.trim(), { onSuccess: (updated) => setPubAnswer(updated.answer ?? '') });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-answer`}>{t('questions.inbox.answerLabel')}</label>
          <textarea
            id={`${id}-answer`}
            rows={3}
            maxLength={5000}
            value={answerText}
            onChange={(e) => setAnswerText(e.target.value)}
          />
        </div>
        {answer.isError ? <ErrorAlert error={answer.error} /> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={answer.isPending || !answerText.trim()}>
            {q.status === 'answered' ? t('questions.inbox.update') : t('questions.inbox.answer')}
          </button>
          {q.status === 'answered' && !q.publishedAt && !publishing ? (
            <button type="button" className="button" onClick={() => setPublishing(true)}>
              {t('questions.inbox.publishStart')}
            </button>
          ) : null}
        </div>
      </form>
      {publishing && !q.publishedAt ? (
        <form
          className="form publish-form"
          onSubmit={(e) => {
            e.preventDefault();
            publish.mutate({ question: pubQuestion.trim(), answer: pubAnswer.trim() });
          }}
        >
          <p id={`${id}-warn`} className="alert alert-info">
            {t('questions.inbox.publishHint')}
          </p>
          <div className="field">
            <label htmlFor={`${id}-pq`}>{t('questions.inbox.publicQuestion')}</label>
            <textarea
              id={`${id}-pq`}
              rows={3}
              maxLength={2000}
              value={pubQuestion}
              aria-describedby={`${id}-warn`}
              onChange={(e) => setPubQuestion(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-pa`}>{t('questions.inbox.publicAnswer')}</label>
            <textarea
              id={`${id}-pa`}
              rows={3}
              maxLength={5000}
              value={pubAnswer}
              onChange={(e) => setPubAnswer(e.target.value)}
            />
          </div>
          {publish.isError ? <ErrorAlert error={publish.error} /> : null}
          <div className="button-row">
            <button
              type="submit"
              className="button button-primary"
              disabled={publish.isPending || !pubQuestion.trim() || !pubAnswer.trim()}
            >
              {t('questions.inbox.publish')}
            </button>
            <button type="button" className="button" onClick={() => setPublishing(false)}>
              {t('questions.inbox.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
