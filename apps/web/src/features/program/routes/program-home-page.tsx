import type { Cohort, ProgramReport } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../../components/alerts';
import { pickText } from '../../../components/course/localized';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { useLocale } from '../../../components/use-locale';
import { useMe } from '../../../lib/session';
import { EXPORTS } from '../api/keys';
import { useCohorts } from '../api/list-cohorts';
import { useProgramReport } from '../api/reports';
import { Bars } from '../components/bars';
import { DownloadLink } from '../components/download-link';
import { formatDay, formatNumber, formatPercent } from '../format';
import '../program.css';

/** The manager's home: the program's numbers, completion by cohort and by course, and their cohorts. */
export function ProgramHomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const report = useProgramReport();
  const cohorts = useCohorts();

  return (
    <Page title={t('program.home.title', { name: me?.displayName ?? '' })}>
      <p className="lead">{t('program.home.welcome')}</p>

      <section aria-labelledby="program-cohorts-title">
        <div className="section-head">
          <h2 id="program-cohorts-title">{t('program.home.cohortsTitle')}</h2>
          <Link to="/program/cohorts/new" className="button button-primary">
            {t('program.home.newCohort')}
          </Link>
        </div>
        {cohorts.isPending ? <Loading /> : null}
        {cohorts.isError ? <LoadError error={cohorts.error} onRetry={() => void cohorts.refetch()} /> : null}
        {cohorts.data ? <CohortList cohorts={cohorts.data.items} /> : null}
      </section>

      <section aria-labelledby="program-report-title">
        <h2 id="program-report-title">{t('program.home.reportTitle')}</h2>
        {report.isPending ? <Loading /> : null}
        {report.isError ? <LoadError error={report.error} onRetry={() => void report.refetch()} /> : null}
        {report.data ? <ProgramDashboard report={report.data} /> : null}
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
            <Link to={`/program/cohorts/${c.id}`}>{c.name}</Link>
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
          <div className="table-wrap">
            <table className="table-cards">
              <caption>{t('program.home.byCohortCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('program.columns.cohort')}</th>
                  <th scope="col">{t('program.columns.learners')}</th>
                  <th scope="col">{t('program.columns.enrolments')}</th>
                  <th scope="col">{t('program.columns.completions')}</th>
                  <th scope="col">{t('program.columns.completionRate')}</th>
                </tr>
              </thead>
              <tbody>
                {report.cohorts.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" data-label={t('program.columns.cohort')}>
                      <Link to={`/program/cohorts/${c.id}`}>{c.name}</Link>
                    </th>
                    <td data-label={t('program.columns.learners')}>{formatNumber(c.learners, locale)}</td>
                    <td data-label={t('program.columns.enrolments')}>{formatNumber(c.enrolments, locale)}</td>
                    <td data-label={t('program.columns.completions')}>{formatNumber(c.completions, locale)}</td>
                    <td data-label={t('program.columns.completionRate')}>{formatPercent(c.completionRate, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
          <div className="table-wrap">
            <table className="table-cards">
              <caption>{t('program.home.byCourseCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('program.columns.course')}</th>
                  <th scope="col">{t('program.columns.enrolments')}</th>
                  <th scope="col">{t('program.columns.completions')}</th>
                  <th scope="col">{t('program.columns.completionRate')}</th>
                </tr>
              </thead>
              <tbody>
                {report.courses.map((c) => {
                  const title = pickText(c.title, locale);
                  return (
                    <tr key={c.id}>
                      <th scope="row" data-label={t('program.columns.course')}>
                        <Link to={`/program/courses/${c.id}`} lang={title.lang}>
                          {title.text}
                        </Link>
                      </th>
                      <td data-label={t('program.columns.enrolments')}>{formatNumber(c.enrolments, locale)}</td>
                      <td data-label={t('program.columns.completions')}>{formatNumber(c.completions, locale)}</td>
                      <td data-label={t('program.columns.completionRate')}>
                        {formatPercent(c.completionRate, locale)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </>
  );
}
