import { uuidSchema, type CourseReport } from '@dari/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '@/components/alerts';
import { CardTable, type Column } from '@/components/card-table';
import { pickText } from '@/components/course/localized';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';
import { useMe } from '@/lib/session';
import { EXPORTS } from '../api/keys';
import { useCourseReport } from '../api/reports';
import { Bars } from '../components/bars';
import { SharedReflections } from '../components/shared-reflections';
import { DownloadLink } from '../components/download-link';
import { formatNumber, formatPercent } from '../format';
import '../program.css';
import '@/components/page-wide.css';

/** For instructors and managers: where learners stop, and which questions confuse them. */
export function CourseReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const validId = uuidSchema.safeParse(id).success;
  const report = useCourseReport(id, validId);
  const back =
    me?.role === 'instructor'
      ? { to: paths.teach.home, label: t('program.backToTeach') }
      : { to: paths.program.home, label: t('program.backToProgram') };
  const backLink = (
    <p>
      <Link to={back.to}>{back.label}</Link>
    </p>
  );

  if (!validId) {
    return (
      <Page title={t('notFound.title')}>
        <p>{t('notFound.body')}</p>
        {backLink}
      </Page>
    );
  }
  if (report.isPending) return <Loading />;
  if (report.isError) {
    return (
      <Page title={t('errorPage.loadTitle')}>
        <LoadError error={report.error} onRetry={() => void report.refetch()} />
        {backLink}
      </Page>
    );
  }
  return (
    <CourseReportView
      report={report.data}
      backLink={backLink}
      showReflections={me?.role === 'instructor' || me?.role === 'admin'}
    />
  );
}

/** The lesson where the most learners who reached it did not finish it. */
function stoppingPoint(report: CourseReport): CourseReport['lessons'][number] | null {
  let worst: CourseReport['lessons'][number] | null = null;
  let worstLoss = 0;
  for (const lesson of report.lessons) {
    const loss = lesson.started - lesson.completed;
    if (loss > worstLoss) {
      worst = lesson;
      worstLoss = loss;
    }
  }
  return worst;
}

function CourseReportView({
  report,
  backLink,
  showReflections,
}: {
  report: CourseReport;
  backLink: ReactNode;
  showReflections: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = pickText(report.course.title, locale);
  const base = Math.max(1, report.enrolments);
  const stop = stoppingPoint(report);
  const lessonTitle = (lessonId: string) => {
    const lesson = report.lessons.find((l) => l.lessonId === lessonId);
    return lesson ? pickText(lesson.title, locale) : { text: '', lang: undefined };
  };
  const lessonColumns: Column<CourseReport['lessons'][number]>[] = [
    {
      key: 'lesson',
      header: t('program.columns.lesson'),
      cell: (l) => pickText(l.title, locale).text,
      lang: (l) => pickText(l.title, locale).lang,
    },
    {
      key: 'kind',
      header: t('program.columns.kind'),
      cell: (l) => t(`program.lessonKinds.${l.kind}`, { defaultValue: l.kind }),
    },
    { key: 'started', header: t('program.columns.started'), cell: (l) => formatNumber(l.started, locale) },
    { key: 'completed', header: t('program.columns.completed'), cell: (l) => formatNumber(l.completed, locale) },
    {
      key: 'skipped',
      header: t('program.columns.skipped'),
      cell: (l) => (l.skipped === null ? t('program.courseReport.fewSkips') : formatNumber(l.skipped, locale)),
    },
  ];
  const questionColumns: Column<CourseReport['questions'][number]>[] = [
    {
      key: 'question',
      header: t('program.columns.question'),
      cell: (q) => pickText(q.prompt, locale).text,
      lang: (q) => pickText(q.prompt, locale).lang,
    },
    {
      key: 'lesson',
      header: t('program.columns.lesson'),
      cell: (q) => lessonTitle(q.lessonId).text,
      lang: (q) => lessonTitle(q.lessonId).lang,
    },
    { key: 'answers', header: t('program.columns.answers'), cell: (q) => formatNumber(q.answers, locale) },
    {
      key: 'correctShare',
      header: t('program.columns.correctShare'),
      cell: (q) =>
        q.answers === 0
          ? t('program.courseReport.noAnswers')
          : q.correctShare === null
            ? t('program.courseReport.notGraded')
            : formatPercent(q.correctShare, locale),
    },
  ];

  return (
    <Page title={t('program.courseReport.title', { title: title.text })} className="page-wide">
      {backLink}
      <dl className="stats">
        <div>
          <dt>{t('program.stats.enrolments')}</dt>
          <dd>{formatNumber(report.enrolments, locale)}</dd>
        </div>
        <div>
          <dt>{t('program.stats.completions')}</dt>
          <dd>{formatNumber(report.completions, locale)}</dd>
        </div>
        <div>
          <dt>{t('program.stats.completionRate')}</dt>
          <dd>{formatPercent(report.enrolments ? report.completions / report.enrolments : 0, locale)}</dd>
        </div>
      </dl>
      <DownloadLink href={EXPORTS.course(report.course.id)} label={t('program.courseReport.downloadCsv')} />

      <section aria-labelledby="funnel-title">
        <h2 id="funnel-title">{t('program.courseReport.funnelTitle')}</h2>
        <p>{t('program.courseReport.funnelIntro')}</p>
        {stop ? (
          <p className="alert alert-info">
            {t('program.courseReport.stopsAt', {
              title: pickText(stop.title, locale).text,
              count: stop.started - stop.completed,
            })}
          </p>
        ) : null}
        {report.lessons.length === 0 ? (
          <p className="muted">{t('program.courseReport.noLessons')}</p>
        ) : (
          <div className="chart-layout chart-layout-stacked">
            <div>
              <p className="bars-legend" aria-hidden="true">
                <span className="legend-swatch legend-light" /> {t('program.columns.started')}{' '}
                <span className="legend-swatch legend-strong" /> {t('program.columns.completed')}
              </p>
              <Bars
                rows={report.lessons.map((l) => {
                  const lt = pickText(l.title, locale);
                  return {
                    id: l.lessonId,
                    label: lt.text,
                    lang: lt.lang,
                    bars: [
                      { value: l.started / base, tone: 'light' as const },
                      { value: l.completed / base, tone: 'strong' as const },
                    ],
                    valueText: `${formatNumber(l.completed, locale)}/${formatNumber(l.started, locale)}`,
                  };
                })}
              />
            </div>
            <CardTable
              caption={t('program.courseReport.funnelCaption', { count: report.enrolments })}
              captionVisible
              columns={lessonColumns}
              rows={report.lessons}
              rowKey={(l) => l.lessonId}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="questions-title">
        <h2 id="questions-title">{t('program.courseReport.questionsTitle')}</h2>
        <p>{t('program.courseReport.questionsIntro')}</p>
        {report.questions.length === 0 ? (
          <p className="muted">{t('program.courseReport.noQuestions')}</p>
        ) : (
          <div className="chart-layout chart-layout-stacked">
            <Bars
              rows={report.questions.map((q) => {
                const prompt = pickText(q.prompt, locale);
                return {
                  id: `${q.lessonId}-${q.key}`,
                  label: prompt.text,
                  lang: prompt.lang,
                  bars: [{ value: q.correctShare ?? 0 }],
                  valueText: q.correctShare === null ? '–' : formatPercent(q.correctShare, locale),
                };
              })}
            />
            <CardTable
              caption={t('program.courseReport.questionsCaption')}
              captionVisible
              columns={questionColumns}
              rows={report.questions}
              rowKey={(q) => `${q.lessonId}-${q.key}`}
            />
          </div>
        )}
      </section>
      {showReflections ? <SharedReflections courseId={report.course.id} /> : null}
    </Page>
  );
}
