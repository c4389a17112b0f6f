import { uuidSchema } from '@dari/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '@/components/alerts';
import { CardTable, type Column } from '@/components/card-table';
import { pickText } from '@/components/course/localized';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { formatKoreaDate } from '@/lib/korea-time';
import '@/components/page-wide.css';
import { paths } from '@/config/paths';
import { useMe } from '@/lib/session';
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
        <Link to={paths.teach.home}>{t('program.backToTeach')}</Link>
      ) : (
        <Link to={paths.program.home}>{t('program.backToProgram')}</Link>
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
  const lessonColumns: Column<LearnerReport['courses'][number]['lessons'][number]>[] = [
    {
      key: 'lesson',
      header: t('program.columns.lesson'),
      cell: (l) => pickText(l.title, locale).text,
      lang: (l) => pickText(l.title, locale).lang,
    },
    {
      key: 'state',
      header: t('program.columns.state'),
      cell: (l) => t(`program.lessonStatus.${l.status}`, { defaultValue: l.status }),
    },
    {
      key: 'bestScore',
      header: t('program.columns.bestScore'),
      cell: (l) => (l.bestScore === null ? '–' : t('program.learnerReport.score', { score: l.bestScore })),
    },
  ];
  return (
    <Page title={t('program.learnerReport.title', { name: report.learner.displayName })} className="page-wide">
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
                <dd>{c.lastActiveAt ? formatKoreaDate(c.lastActiveAt, locale) : t('program.grid.neverActive')}</dd>
              </div>
              {c.completedAt ? (
                <div>
                  <dt>{t('program.learnerReport.completedAt')}</dt>
                  <dd>{formatKoreaDate(c.completedAt, locale)}</dd>
                </div>
              ) : null}
            </dl>
            <CardTable
              caption={t('program.learnerReport.lessonsCaption', { title: title.text })}
              captionVisible
              columns={lessonColumns}
              rows={c.lessons}
              rowKey={(l) => l.lessonId}
            />
          </section>
        );
      })}
    </Page>
  );
}
