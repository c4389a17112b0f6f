import type { Cohort, ProgramReport } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardTable, type Column } from '@/components/card-table';
import { pickText } from '@/components/course/localized';
import { Page } from '@/components/page';
import { QueryState } from '@/components/query-state';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';
import { useMe } from '@/lib/session';
import { EXPORTS } from '../api/keys';
import { useCohorts } from '../api/list-cohorts';
import { useProgramReport } from '../api/reports';
import { Bars } from '../components/bars';
import { DownloadLink } from '../components/download-link';
import { formatDay, formatNumber, formatPercent } from '../format';
import '../program.css';
import '../../../components/page-wide.css';

/** The manager's home: the program's numbers, completion by cohort and by course, and their cohorts. */
export function ProgramHomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const report = useProgramReport();
  const cohorts = useCohorts();

  return (
    <Page title={t('program.home.title', { name: me?.displayName ?? '' })} className="page-wide">
      <p className="lead">{t('program.home.welcome')}</p>

      <section aria-labelledby="program-cohorts-title">
        <div className="section-head">
          <h2 id="program-cohorts-title">{t('program.home.cohortsTitle')}</h2>
          <Link to={paths.program.newCohort} className="button button-primary">
            {t('program.home.newCohort')}
          </Link>
        </div>
        <QueryState query={cohorts}>{(data) => <CohortList cohorts={data.items} />}</QueryState>
      </section>

      <section aria-labelledby="program-report-title">
        <h2 id="program-report-title">{t('program.home.reportTitle')}</h2>
        <QueryState query={report}>{(data) => <ProgramDashboard report={data} />}</QueryState>
      </section>
    </Page>
  );
}

function CohortList({ cohorts }: { cohorts: Cohort[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (cohorts.length === 0) {
    return (
      <div className="card empty-state">
        <p>{t('program.home.noCohorts')}</p>
      </div>
    );
  }
  return (
    <ul className="cohort-list">
      {cohorts.map((c) => (
        <li key={c.id} className="card">
          <h3>
            <Link to={paths.program.cohort(c.id)}>{c.name}</Link>
          </h3>
          <p className="muted">
            {c.startsOn || c.endsOn
              ? t('program.cohort.dates', {
                  from: c.startsOn ? formatDay(c.startsOn, locale) : '…',
                  to: c.endsOn ? formatDay(c.endsOn, locale) : '…',
                })
              : t('program.cohort.noDates')}
          </p>
          <p>{t('program.cohort.countsLine', { learners: c.counts.learners, courses: c.courses.length })}</p>
        </li>
      ))}
    </ul>
  );
}

export function ProgramDashboard({ report }: { report: ProgramReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const numbers: { stat: string; value: string }[] = [
    { stat: 'activeLast7Days', value: formatNumber(report.activeLast7Days, locale) },
    { stat: 'activeLast30Days', value: formatNumber(report.activeLast30Days, locale) },
    { stat: 'learners', value: formatNumber(report.learners, locale) },
    { stat: 'enrolments', value: formatNumber(report.enrolments, locale) },
    { stat: 'completions', value: formatNumber(report.completions, locale) },
    { stat: 'completionRate', value: formatPercent(report.completionRate, locale) },
  ];
  const count = <K extends 'learners' | 'enrolments' | 'completions'>(key: K) => ({
    key,
    header: t(`program.columns.${key as string}`),
    cell: (c: Record<K, number>) => formatNumber(c[key], locale),
  });
  const rate = {
    key: 'completionRate',
    header: t('program.columns.completionRate'),
    cell: (c: { completionRate: number }) => formatPercent(c.completionRate, locale),
  };
  const cohortColumns: Column<ProgramReport['cohorts'][number]>[] = [
    {
      key: 'cohort',
      header: t('program.columns.cohort'),
      cell: (c) => <Link to={paths.program.cohort(c.id)}>{c.name}</Link>,
    },
    count('learners'),
    count('enrolments'),
    count('completions'),
    rate,
  ];
  const courseColumns: Column<ProgramReport['courses'][number]>[] = [
    {
      key: 'course',
      header: t('program.columns.course'),
      cell: (c) => {
        const title = pickText(c.title, locale);
        return (
          <Link to={paths.program.courseReport(c.id)} lang={title.lang}>
            {title.text}
          </Link>
        );
      },
    },
    count('enrolments'),
    count('completions'),
    rate,
  ];
  return (
    <>
      <dl className="stats">
        {numbers.map((n) => (
          <div key={n.stat}>
            <dt>{t(`program.stats.${n.stat}`)}</dt>
            <dd>{n.value}</dd>
          </div>
        ))}
      </dl>
      <DownloadLink href={EXPORTS.program} label={t('program.home.downloadCsv')} />

      <h3>{t('program.home.byCohortTitle')}</h3>
      {report.cohorts.length === 0 ? (
        <p className="muted">{t('program.home.noCohortNumbers')}</p>
      ) : (
        <div className="chart-layout">
          <Bars
            rows={report.cohorts.map((c) => ({
              id: c.id,
              label: c.name,
              bars: [{ value: c.completionRate }],
              valueText: formatPercent(c.completionRate, locale),
            }))}
          />
          <CardTable
            caption={t('program.home.byCohortCaption')}
            captionVisible
            columns={cohortColumns}
            rows={report.cohorts}
            rowKey={(c) => c.id}
          />
        </div>
      )}

      <h3>{t('program.home.byCourseTitle')}</h3>
      {report.courses.length === 0 ? (
        <p className="muted">{t('program.home.noCourseNumbers')}</p>
      ) : (
        <div className="chart-layout">
          <Bars
            rows={report.courses.map((c) => {
              const title = pickText(c.title, locale);
              return {
                id: c.id,
                label: title.text,
                lang: title.lang,
                bars: [{ value: c.completionRate }],
                valueText: formatPercent(c.completionRate, locale),
              };
            })}
          />
          <CardTable
            caption={t('program.home.byCourseCaption')}
            captionVisible
            columns={courseColumns}
            rows={report.courses}
            rowKey={(c) => c.id}
          />
        </div>
      )}
    </>
  );
}
