import type { Cohort, CohortSession } from '@dari/contracts';
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { ConfirmAction } from '@/components/confirm-action';
import { pickText } from '@/components/course/localized';
import { QueryState } from '@/components/query-state';
import { useLocale } from '@/components/use-locale';
import { formatKoreaDateTime, KOREA_TIME_ZONE } from '@/lib/korea-time';
import { useCreateSession, useDeleteSession, useDueCounts, useSessions, useUpdateSession } from '../api/due';
import { formatDay, formatNumber } from '../format';

/** How many learners are still working on courses due soon or past due: counts only, never who. */
export function DueCountsCard({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const counts = useDueCounts(cohort.id);
  const titleOf = (courseId: string) => {
    const c = cohort.courses.find((x) => x.courseId === courseId);
    return c ? pickText(c.title, locale) : { text: '', lang: undefined };
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('cohortDue.title')}</h3>
      <QueryState query={counts}>
        {(data) => (
          <>
            <dl className="facts">
              <div>
                <dt>{t('cohortDue.upcoming')}</dt>
                <dd>
                  {t('cohortDue.learnerCourses', { count: data.upcoming, n: formatNumber(data.upcoming, locale) })}
                </dd>
              </div>
              <div>
                <dt>{t('cohortDue.overdue')}</dt>
                <dd>{t('cohortDue.learnerCourses', { count: data.overdue, n: formatNumber(data.overdue, locale) })}</dd>
              </div>
            </dl>
            <p className="muted">{t('cohortDue.explain')}</p>
            {data.courses.some((c) => c.dueOn) ? (
              <ul>
                {data.courses
                  .filter((c) => c.dueOn !== null && c.daysLeft !== null)
                  .map((c) => {
                    const title = titleOf(c.courseId);
                    return (
                      <li key={c.courseId}>
                        <span lang={title.lang}>{title.text}</span>
                        {' · '}
                        {t('cohortDue.courseLine', {
                          date: formatDay(c.dueOn ?? '', locale),
                          n: formatNumber(c.remaining, locale),
                          count: c.remaining,
                        })}
                        {c.daysLeft !== null && c.daysLeft < 0 && c.remaining > 0 ? ` · ${t('cohortDue.pastDue')}` : ''}
                      </li>
                    );
                  })}
              </ul>
            ) : (
              <p>{t('cohortDue.noDueDates')}</p>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** A moment's Korea day and time, for the form's date and time fields. */
function koreaParts(iso: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: KOREA_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

interface SessionDraft {
  title: string;
  date: string;
  time: string;
  place: string;
  notes: string;
}
const EMPTY: SessionDraft = { title: '', date: '', time: '', place: '', notes: '' };

/** The cohort's dated sessions: a manager adds, changes and removes them; learners see the coming ones at home. */
export function SessionsPanel({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const sessions = useSessions(cohort.id);
  const create = useCreateSession(cohort.id);
  const update = useUpdateSession(cohort.id);
  const remove = useDeleteSession(cohort.id);
  const [draft, setDraft] = useState<SessionDraft>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (key: keyof SessionDraft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const startEdit = (s: CohortSession) => {
    setDone(null);
    setEditing(s.id);
    setDraft({ title: s.title, ...koreaParts(s.startsAt), place: s.place ?? '', notes: s.notes ?? '' });
  };
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setDone(null);
    // The form's day and time are Korea time, whatever the manager's own time zone.
    const body = {
      title: draft.title,
      startsAt: `${draft.date}T${draft.time}:00+09:00`,
      place: draft.place,
      notes: draft.notes,
    };
    const after = () => {
      setDone(
        editing
          ? t('cohortDue.sessionSaved', { title: draft.title })
          : t('cohortDue.sessionAdded', { title: draft.title }),
      );
      setDraft(EMPTY);
      setEditing(null);
    };
    if (editing) update.mutate({ sessionId: editing, body }, { onSuccess: after });
    else create.mutate(body, { onSuccess: after });
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('cohortDue.sessionsTitle')}</h3>
      <p className="muted">{t('cohortDue.sessionsIntro')}</p>
      <StatusMessage>{done}</StatusMessage>
      <ErrorAlert error={remove.error} />
      <QueryState
        query={sessions}
        isEmpty={(data) => data.items.length === 0}
        empty={<p>{t('cohortDue.noSessions')}</p>}
      >
        {(data) => (
          <ul className="session-list">
            {data.items.map((s) => (
              <li key={s.id}>
                <time dateTime={s.startsAt}>{formatKoreaDateTime(s.startsAt, locale)}</time> {s.title}
                {s.place ? ` · ${s.place}` : ''}
                <div className="button-row">
                  <button type="button" className="button" onClick={() => startEdit(s)}>
                    {t('cohortDue.edit')}
                    <span className="visually-hidden">{` — ${s.title}`}</span>
                  </button>
                  <ConfirmAction
                    label={t('cohortDue.delete')}
                    question={t('cohortDue.deleteConfirm', { title: s.title })}
                    confirmLabel={t('cohortDue.deleteYes')}
                    pending={remove.isPending}
                    danger
                    onConfirm={() =>
                      remove.mutate(s.id, {
                        onSuccess: () => setDone(t('cohortDue.sessionDeleted', { title: s.title })),
                      })
                    }
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryState>

      <form className="form" onSubmit={onSubmit} aria-labelledby={`${id}-form-title`}>
        <h4 id={`${id}-form-title`}>{editing ? t('cohortDue.editTitle') : t('cohortDue.addTitle')}</h4>
        <ErrorAlert error={editing ? update.error : create.error} />
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('cohortDue.sessionName')}</label>
          <input id={`${id}-name`} value={draft.title} required maxLength={120} onChange={set('title')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('cohortDue.date')}</label>
          <input id={`${id}-date`} type="date" value={draft.date} required onChange={set('date')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>{t('cohortDue.time')}</label>
          <p id={`${id}-time-hint`} className="field-hint">
            {t('cohortDue.timeHint')}
          </p>
          <input
            id={`${id}-time`}
            type="time"
            value={draft.time}
            required
            aria-describedby={`${id}-time-hint`}
            onChange={set('time')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-place`}>{t('cohortDue.place')}</label>
          <input id={`${id}-place`} value={draft.place} maxLength={120} onChange={set('place')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-notes`}>{t('cohortDue.notes')}</label>
          <p id={`${id}-notes-hint`} className="field-hint">
            {t('cohortDue.notesHint')}
          </p>
          <textarea
            id={`${id}-notes`}
            value={draft.notes}
            maxLength={500}
            rows={2}
            aria-describedby={`${id}-notes-hint`}
            onChange={set('notes')}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={create.isPending || update.isPending}>
            {editing ? t('cohortDue.save') : t('cohortDue.add')}
          </button>
          {editing ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setEditing(null);
                setDraft(EMPTY);
              }}
            >
              {t('cohortDue.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
