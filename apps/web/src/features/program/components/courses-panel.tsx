import type { Cohort } from '@dari/contracts';
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { CardTable, type Column } from '@/components/card-table';
import { ConfirmAction } from '@/components/confirm-action';
import { pickText } from '@/components/course/localized';
import { QueryState } from '@/components/query-state';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';
import { useAssignCourse, usePublishedCourses, useUnassignCourse } from '../api/cohort-courses';
import { formatDay } from '../format';

/** Courses the cohort takes, with due dates: assigning enrols every learner, now and later. */
export function CoursesPanel({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const published = usePublishedCourses();
  const assign = useAssignCourse(cohort.id);
  const unassign = useUnassignCourse(cohort.id);
  const [courseId, setCourseId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const titleOf = (c: { title: { ko: string; en?: string; zh?: string } }) => pickText(c.title, locale);

  const courseColumns: Column<Cohort['courses'][number]>[] = [
    {
      key: 'course',
      header: t('program.columns.course'),
      cell: (c) => {
        const title = titleOf(c);
        return (
          <Link to={paths.program.courseReport(c.courseId)} lang={title.lang}>
            {title.text}
          </Link>
        );
      },
    },
    {
      key: 'dueOn',
      header: t('program.columns.dueOn'),
      cell: (c) => (c.dueOn ? formatDay(c.dueOn, locale) : t('program.courses.noDue')),
    },
    {
      key: 'actions',
      header: t('program.columns.actions'),
      cell: (c) => {
        const title = titleOf(c);
        return (
          <ConfirmAction
            label={t('program.courses.unassign')}
            question={t('program.courses.unassignConfirm', { title: title.text })}
            confirmLabel={t('program.courses.unassignYes')}
            pending={unassign.isPending}
            danger
            onConfirm={() => {
              setDone(null);
              unassign.mutate(c.courseId, {
                onSuccess: () => setDone(t('program.courses.unassigned', { title: title.text })),
              });
            }}
          />
        );
      },
    },
  ];

  const onAssign = (event: SubmitEvent) => {
    event.preventDefault();
    if (!courseId) return;
    const course = published.data?.items.find((c) => c.id === courseId);
    setDone(null);
    assign.mutate(
      { courseId, dueOn: dueOn || null },
      {
        onSuccess: () => {
          setDone(t('program.courses.assigned', { title: course ? titleOf(course).text : '' }));
          setCourseId('');
          setDueOn('');
        },
      },
    );
  };

  return (
    <>
      <p>{t('program.courses.intro')}</p>
      <StatusMessage>{done}</StatusMessage>
      <ErrorAlert error={unassign.error} />
      {cohort.courses.length === 0 ? (
        <p className="card empty-state">{t('program.courses.none')}</p>
      ) : (
        <CardTable
          caption={t('program.courses.caption')}
          columns={courseColumns}
          rows={cohort.courses}
          rowKey={(c) => c.courseId}
        />
      )}

      <section className="card" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{t('program.courses.assignTitle')}</h3>
        <QueryState
          query={published}
          isEmpty={(data) => data.items.length === 0}
          empty={<p>{t('program.courses.nonePublished')}</p>}
        >
          {(data) => (
            <form className="form" onSubmit={onAssign}>
              <ErrorAlert error={assign.error} />
              <div className="field">
                <label htmlFor={`${id}-course`}>{t('program.columns.course')}</label>
                <select id={`${id}-course`} value={courseId} required onChange={(e) => setCourseId(e.target.value)}>
                  <option value="">{t('program.courses.choose')}</option>
                  {data.items.map((c) => {
                    const assigned = cohort.courses.some((a) => a.courseId === c.id);
                    return (
                      <option key={c.id} value={c.id}>
                        {assigned ? t('program.courses.optionAssigned', { title: titleOf(c).text }) : titleOf(c).text}
                      </option>
                    );
                  })}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-due`}>{t('program.courses.dueOn')}</label>
                <p id={`${id}-due-hint`} className="field-hint">
                  {t('program.courses.dueHint')}
                </p>
                <input
                  id={`${id}-due`}
                  type="date"
                  value={dueOn}
                  aria-describedby={`${id}-due-hint`}
                  onChange={(e) => setDueOn(e.target.value)}
                />
              </div>
              <p>
                <button type="submit" className="button button-primary" disabled={assign.isPending || !courseId}>
                  {t('program.courses.assign')}
                </button>
              </p>
            </form>
          )}
        </QueryState>
      </section>
    </>
  );
}
