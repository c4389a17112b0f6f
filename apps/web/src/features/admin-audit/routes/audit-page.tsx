import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '@/components/alerts';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { Pager, pageCount } from '@/components/pager';
import { useAuditLog, type AuditFilter } from '../api/list-audit';
import { AuditFilters, type AuditCriteria } from '../components/audit-filters';
import { AuditTable } from '../components/audit-table';
import '../admin-audit.css';
import '../../../components/page-wide.css';

const PAGE_SIZE = 50;

/**
 * The admins' audit log: who did what to whom, and when. The filters stay in the page (not in the
 * address), so no username ever lands in a URL, a history entry or a server log.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const resultsId = useId();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: PAGE_SIZE });
  const audit = useAuditLog(filter);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // After a search or a page change, focus moves to the results once they have arrived.
  const [focusResults, setFocusResults] = useState(false);
  // A search that did not run (a username could not be looked up, a field is wrong) leaves the
  // earlier results in place: they are then marked as the earlier search's.
  const [notApplied, setNotApplied] = useState(false);

  useEffect(() => {
    if (focusResults && !audit.isFetching) {
      resultsHeading.current?.focus();
      setFocusResults(false);
    }
  }, [focusResults, audit.isFetching]);

  const apply = (criteria: AuditCriteria) => {
    setNotApplied(false);
    setFilter({ ...criteria, page: 1, pageSize: PAGE_SIZE });
    setFocusResults(true);
  };
  const goTo = (page: number) => {
    setFilter((f) => ({ ...f, page }));
    setFocusResults(true);
  };

  // After a failed load, whatever is cached is from before: show the error, not old rows as if current.
  const data = audit.isError ? undefined : audit.data;
  const pages = pageCount(data);
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? first + data.items.length - 1 : 0;

  return (
    <Page title={t('adminAudit.title')} className="page-wide">
      <p className="muted">{t('adminAudit.intro')}</p>
      <AuditFilters onApply={apply} onNotApplied={() => setNotApplied(true)} />
      <section aria-labelledby={resultsId} className="audit-results" aria-busy={audit.isFetching || undefined}>
        <h2 id={resultsId} ref={resultsHeading} tabIndex={-1}>
          {t('adminAudit.resultsTitle')}
        </h2>
        {/* Always in the page, so screen readers hear the new count after every search. */}
        <p role="status" aria-live="polite" className="muted">
          {data && !audit.isFetching
            ? data.total === 0
              ? t('adminAudit.empty')
              : t('adminAudit.count', { count: data.total, first, last })
            : ''}
        </p>
        {audit.isPending ? <Loading /> : null}
        {audit.isError ? <LoadError error={audit.error} onRetry={() => void audit.refetch()} /> : null}
        {data && notApplied ? <p className="alert alert-info audit-stale">{t('adminAudit.earlierResults')}</p> : null}
        {data && data.items.length > 0 ? (
          <div className={notApplied ? 'audit-stale-results' : undefined}>
            <AuditTable events={data.items} />
          </div>
        ) : null}
        {data ? (
          <Pager
            label={t('adminAudit.pagesLabel')}
            page={filter.page}
            pages={pages}
            status={t('adminAudit.pageOf', { page: filter.page, pages })}
            onPage={goTo}
            busy={audit.isFetching}
          />
        ) : null}
      </section>
    </Page>
  );
}
