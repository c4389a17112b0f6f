import { uuidSchema } from '@dari/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '../../../components/alerts';
import { pickText } from '../../../components/course/localized';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { useLocale } from '../../../components/use-locale';
import { formatDate } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { useLearnerReport, type LearnerReport } from '../api/reports';
import '../program.css';

/** One learner's courses and lessons. The API records every view in the audit log. */
export function LearnerReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const validId = uuidSchema.safeParse(id).success;
  const report = useLearnerReport(id, validId);
  const back = (
    <p>
      {me?.role === 'instructor' ? (
        <Link to="/teach">{t('program.backToTeach')}</Link>
      ) : (
        <Link to="/program">{t('program.backToProgram')}</Link>
      )}
    </p>
  );

  if (!validId) {
    return (
      <Page title={t('notFound.title')}>
        <p>{t('notFound.body')}</p>
        {back}
      </Page>
    );
  }
  if (report.isPending) return <Loading />;
  if (report.isError) {
    return (
      <Page title={t('errorPage.loadTitle')}>
        <LoadError error={report.error} onRetry={() => void report.refetch()} />
        {back}
      </Page>
    );
  }
  return <LearnerReportView report={report.data} back={back} />;
}

function LearnerReportView({ report, back }: { report: LearnerReport; back: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Page title={t('program.learnerReport.title', { name: report.learner.displayName })}>
      {back}
      <p className="muted">{t('program.learnerReport.audited')}</p>
      {report.courses.length === 0 ? <p className="card empty-state">{t('program.learnerReport.noCourses')}</p> : null}
      {report.courses.map((c) => {
        const title = pickText(c.title, locale);
        return (
          <section key={c.courseId} className="card" aria-labelledby={`course-${c.courseId}`}>
            <h2 id={`course-${c.courseId}`} lang={title.lang}>
              {title.text}
            </h2>
            <dl className="facts">
              <div>
                <dt>{t('program.columns.state')}</dt>
                <dd>{t(`program.learnerReport.status.${c.status}`)}</dd>
              </div>
              <div>
                <dt>{t('program.learnerReport.percent')}</dt>
                <dd>{t('program.grid.percent', { percent: c.percent })}</dd>
              </div>
              <div>
                <dt>{t('program.columns.lastActive')}</dt>
                <dd>{c.lastActiveAt ? formatDate(c.lastActiveAt, locale) : t('program.grid.neverActive')}</dd>
              </div>
              {c.completedAt ? (
                <div>
                  <dt>{t('program.learnerReport.completedAt')}</dt>
                  <dd>{formatDate(c.completedAt, locale)}</dd>
                </div>
              ) : null}
            </dl>
            <div className="table-wrap">
              <table className="table-cards">
                <caption>{t('program.learnerReport.lessonsCaption', { title: title.text })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('program.columns.lesson')}</th>
                    <th scope="col">{t('program.columns.state')}</th>
                    <th scope="col">{t('program.columns.bestScore')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.lessons.map((l) => {
                    const lt = pickText(l.title, locale);
                    return (
                      <tr key={l.lessonId}>
                        <th scope="row" data-label={t('program.columns.lesson')} lang={lt.lang}>
                          {lt.text}
                        </th>
                        <td data-label={t('program.columns.state')}>
                          {t(`program.lessonStatus.${l.status}`, { defaultValue: l.status })}
                        </td>
                        <td data-label={t('program.columns.bestScore')}>
                          {l.bestScore === null ? '–' : t('program.learnerReport.score', { score: l.bestScore })}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </Page>
  );
}
