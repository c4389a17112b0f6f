import type { Cohort, CohortGrid } from '@dari/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '@/components/alerts';
import { CardTable, type Column } from '@/components/card-table';
import { pickText } from '@/components/course/localized';
import { Loading } from '@/components/loading';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';
import { formatKoreaDate } from '@/lib/korea-time';
import { EXPORTS } from '../api/keys';
import { useCohortGrid } from '../api/reports';
import { formatDay } from '../format';
import { DownloadLink } from './download-link';

const PAGE_SIZE = 50;

/** Learners × courses: percent done, last active, and marks written as words (not colour alone). */
export function ProgressGrid({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const atRisk = params.get('atRisk') === 'true';
  // The cursor and the position of the first row shown live in the address, so Back and reload keep the page.
  const after = params.get('after') ?? undefined;
  const before = after ? undefined : (params.get('before') ?? undefined);
  const from = Math.max(1, Number.parseInt(params.get('from') ?? '1', 10) || 1);
  const grid = useCohortGrid(cohort.id, { pageSize: PAGE_SIZE, atRisk, after, before });

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const shown = grid.data
    ? { from: Math.min(from, grid.data.total), to: Math.min(grid.data.total, from + grid.data.learners.length - 1) }
    : { from, to: from };

  return (
    <>
      <DownloadLink href={EXPORTS.cohort(cohort.id)} label={t('program.grid.downloadCsv')} />
      <div className="field field-checkbox">
        <input
          id={`${id}-risk`}
          type="checkbox"
          checked={atRisk}
          onChange={(e) => update({ atRisk: e.target.checked ? 'true' : null, after: null, before: null, from: null })}
        />
        <label htmlFor={`${id}-risk`}>{t('program.grid.onlyAtRisk')}</label>
      </div>
      {grid.data ? (
        <p className="muted">{t('program.grid.atRiskExplain', { days: grid.data.thresholds.inactiveDays })}</p>
      ) : null}
      {grid.isPending ? <Loading /> : null}
      {grid.isError ? <LoadError error={grid.error} onRetry={() => void grid.refetch()} /> : null}
      {grid.data ? (
        <>
          <p role="status" className="muted">
            {atRisk
              ? t('program.grid.countAtRisk', { count: grid.data.total })
              : t('program.grid.count', { count: grid.data.total })}
          </p>
          {grid.data.learners.length > 0 ? <HeatLegend /> : null}
          {grid.data.learners.length > 0 ? (
            <GridTable grid={grid.data} />
          ) : (
            <p>{atRisk ? t('program.grid.noneAtRisk') : t('program.grid.empty')}</p>
          )}
          {grid.data.prevCursor || grid.data.nextCursor || after || before ? (
            <nav className="pager" aria-label={t('program.pagesLabel')}>
              <button
                type="button"
                className="button button-secondary"
                disabled={!after && !before}
                onClick={() => update({ after: null, before: null, from: null })}
              >
                {t('program.grid.firstPage')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={!grid.data.prevCursor}
                onClick={() =>
                  update({ before: grid.data.prevCursor, after: null, from: String(Math.max(1, from - PAGE_SIZE)) })
                }
              >
                {t('common.previous')}
              </button>
              <span>{t('program.grid.range', { from: shown.from, to: shown.to, total: grid.data.total })}</span>
              <button
                type="button"
                className="button button-secondary"
                disabled={!grid.data.nextCursor}
                onClick={() =>
                  update({ after: grid.data.nextCursor, before: null, from: String(from + grid.data.learners.length) })
                }
              >
                {t('common.next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}

type GridCell = CohortGrid['learners'][number]['cells'][number];

/** The heat map's colour band of a cell: 0 nothing yet, 1 under half, 2 half or more, 3 completed. */
export function heatBand(cell: Pick<GridCell, 'status' | 'percent'>): 0 | 1 | 2 | 3 {
  if (cell.status === 'completed' || cell.percent >= 100) return 3;
  if (cell.percent >= 50) return 2;
  return cell.percent > 0 ? 1 : 0;
}

/** What the colours mean, in words and with a swatch of each (the numbers are in every cell anyway). */
function HeatLegend() {
  const { t } = useTranslation();
  return (
    <div className="heat-legend">
      <p className="muted">{t('program.grid.heat.legend')}</p>
      <ul>
        {([0, 1, 2, 3] as const).map((b) => (
          <li key={b}>
            <span className={`heat-swatch heat heat-${b}`} aria-hidden="true" /> {t(`program.grid.heat.band${b}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CellText({ cell }: { cell: GridCell | undefined }) {
  const { t } = useTranslation();
  if (!cell || cell.status === 'not_enrolled') return <span className="muted">{t('program.grid.notEnrolled')}</span>;
  return (
    <span className={`grid-cell heat heat-${heatBand(cell)}`}>
      <span className="grid-percent">{t('program.grid.percent', { percent: cell.percent })}</span>{' '}
      {cell.status === 'completed' ? <span className="mark mark-done">{t('program.grid.completed')}</span> : null}
      {cell.status === 'withdrawn' ? <span className="mark">{t('program.grid.withdrawn')}</span> : null}
      {cell.overdue ? <span className="mark mark-warn">{t('program.grid.overdue')}</span> : null}
    </span>
  );
}

function GridTable({ grid }: { grid: CohortGrid }) {
  const { t } = useTranslation();
  const locale = useLocale();
  type Learner = CohortGrid['learners'][number];
  const columns: Column<Learner>[] = [
    {
      key: 'learner',
      header: t('program.columns.learner'),
      cell: (l) => (
        <span>
          <Link to={paths.program.learnerReport(l.userId)}>{l.displayName}</Link>
          {l.atRisk ? <span className="mark mark-warn">{t('program.grid.atRisk')}</span> : null}
        </span>
      ),
    },
    {
      key: 'lastActive',
      header: t('program.columns.lastActive'),
      cell: (l) => (l.lastActiveAt ? formatKoreaDate(l.lastActiveAt, locale) : t('program.grid.neverActive')),
    },
    ...grid.courses.map((c): Column<Learner> => {
      const title = pickText(c.title, locale);
      return {
        key: c.courseId,
        header: (
          <>
            <span lang={title.lang}>{title.text}</span>
            {c.dueOn ? (
              <span className="grid-due">{t('program.grid.due', { date: formatDay(c.dueOn, locale) })}</span>
            ) : null}
          </>
        ),
        // On a phone card the course's name says which course, without its due date.
        label: title.text,
        cell: (l) => <CellText cell={l.cells.find((cell) => cell.courseId === c.courseId)} />,
      };
    }),
  ];
  return (
    <CardTable
      caption={t('program.grid.caption', { name: grid.cohort.name })}
      captionVisible
      className="progress-grid"
      columns={columns}
      rows={grid.learners}
      rowKey={(l) => l.userId}
      rowClassName={(l) => (l.atRisk ? 'at-risk' : undefined)}
    />
  );
}
