import type { Cohort, CohortCharts as Charts, Locale } from '@dari/contracts';
import { Component, lazy, Suspense, useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { Loading } from '@/components/loading';
import { useLocale } from '@/components/use-locale';
import { formatKoreaDate } from '@/lib/korea-time';
import { useCohortCharts } from '../api/charts';

// uPlot (~20 KiB gzip) loads only when a manager opens the charts.
const LineChart = lazy(() => import('./line-chart'));

/**
 * The drawing is an extra: when its chunk cannot load (offline, a new deploy) or uPlot cannot run, the
 * sentence and the table above and below still say everything, so the page stays and only the canvas is left out.
 */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

const weekLabel = (week: string, locale: Locale) => formatKoreaDate(`${week}T12:00:00+09:00`, locale);

/** The numbers behind a chart, for everyone (and what a screen reader reads): weeks down, series across. */
function NumbersTable({
  caption,
  weeks,
  columns,
  locale,
}: {
  caption: string;
  weeks: string[];
  columns: { label: string; lang?: string; values: number[] }[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  return (
    <details className="chart-numbers">
      <summary>{t('program.charts.showNumbers')}</summary>
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('program.charts.week')}</th>
              {columns.map((c) => (
                <th scope="col" key={c.label} lang={c.lang}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w, i) => (
              <tr key={w}>
                <th scope="row">{weekLabel(w, locale)}</th>
                {columns.map((c) => (
                  <td key={c.label}>{c.values[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function ActiveChart({ charts, cohort, locale }: { charts: Charts; cohort: Cohort; locale: Locale }) {
  const { t } = useTranslation();
  const format = useCallback((v: number) => t('program.charts.people', { count: v }), [t]);
  const series = useMemo(() => [{ label: t('program.charts.activeSeries'), values: charts.active }], [charts, t]);
  const peak = charts.active.reduce((best, v, i) => (v > charts.active[best] ? i : best), 0);
  return (
    <section aria-labelledby="chart-active-title" className="chart">
      <h3 id="chart-active-title">{t('program.charts.activeTitle')}</h3>
      <p>
        {/* With nobody active in any week there is no busiest week to name: say so plainly. */}
        {(charts.active[peak] ?? 0) === 0
          ? t('program.charts.activeNone', { total: cohort.counts.learners })
          : t('program.charts.activeSummary', {
              now: charts.active.at(-1) ?? 0,
              total: cohort.counts.learners,
              peak: charts.active[peak],
              peakWeek: weekLabel(charts.weeks[peak], locale),
            })}
      </p>
      <ChartBoundary>
        <Suspense fallback={<Loading />}>
          <LineChart weeks={charts.weeks} series={series} locale={locale} format={format} />
        </Suspense>
      </ChartBoundary>
      <NumbersTable
        caption={t('program.charts.activeTitle')}
        weeks={charts.weeks}
        columns={[{ label: t('program.charts.activeSeries'), values: charts.active }]}
        locale={locale}
      />
    </section>
  );
}

function CompletionChart({ charts, locale }: { charts: Charts; locale: Locale }) {
  const { t } = useTranslation();
  const format = useCallback((v: number) => t('program.charts.people', { count: v }), [t]);
  const columns = useMemo(
    () =>
      charts.courses.map((c) => {
        const title = pickText(c.title, locale);
        return { label: title.text, lang: title.lang, values: c.completed };
      }),
    [charts, locale],
  );
  return (
    <section aria-labelledby="chart-completion-title" className="chart">
      <h3 id="chart-completion-title">{t('program.charts.completionTitle')}</h3>
      {charts.courses.length === 0 ? (
        <p className="muted">{t('program.charts.noCourses')}</p>
      ) : (
        <>
          <ul className="chart-summary">
            {charts.courses.map((c, i) => (
              <li key={c.courseId}>
                <span lang={columns[i].lang}>{columns[i].label}</span>:{' '}
                {t('program.charts.completionSummary', {
                  completed: c.completed.at(-1) ?? 0,
                  enrolled: c.enrolled,
                })}
              </li>
            ))}
          </ul>
          <ChartBoundary>
            <Suspense fallback={<Loading />}>
              <LineChart
                weeks={charts.weeks}
                series={columns.map((c) => ({ label: c.label, values: c.values }))}
                locale={locale}
                format={format}
              />
            </Suspense>
          </ChartBoundary>
          <NumbersTable
            caption={t('program.charts.completionTitle')}
            weeks={charts.weeks}
            columns={columns}
            locale={locale}
          />
        </>
      )}
    </section>
  );
}

/** The manager's charts of a cohort: weekly active learners and completions per course over its life. */
export function CohortCharts({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const charts = useCohortCharts(cohort.id);
  if (charts.isPending) return <Loading />;
  if (charts.isError) return <LoadError error={charts.error} onRetry={() => void charts.refetch()} />;
  if (charts.data.weeks.length === 0) return <p>{t('program.charts.notStarted')}</p>;
  return (
    <>
      <p className="muted">{t('program.charts.intro')}</p>
      <ActiveChart charts={charts.data} cohort={cohort} locale={locale} />
      <CompletionChart charts={charts.data} locale={locale} />
    </>
  );
}
