import { roleSchema, userStatusSchema } from '@dari/contracts';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '../../../components/alerts';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { useUsers, type UsersFilter } from '../api/list-users';
import { UsersFilters } from '../components/users-filters';
import { UsersTable } from '../components/users-table';
import { lazyWithAreas } from '../../../i18n';

// The dated facts due for review: the authoring area's component, with its words.
const FactsToReview = lazyWithAreas(['authoring'], () => import('../../authoring/components/facts-to-review'));

const PAGE_SIZE = 20;

function readFilter(params: URLSearchParams): UsersFilter {
  const role = roleSchema.safeParse(params.get('role'));
  const status = userStatusSchema.safeParse(params.get('status'));
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  return {
    q: q || undefined,
    role: role.success ? role.data : undefined,
    status: status.success ? status.data : undefined,
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const users = useUsers(filter);
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / users.data.pageSize)) : 1;

  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };

  return (
    <Page title={t('adminUsers.title')}>
      <p>
        <Link to="/admin/users/new" className="button button-primary">
          {t('adminUsers.newUser')}
        </Link>
      </p>
      <UsersFilters key={params.toString()} filter={filter} />
      {users.isPending ? <Loading /> : null}
      {users.isError ? <LoadError error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data ? (
        <>
          <p role="status" className="muted">
            {t('adminUsers.count', { count: users.data.total })}
          </p>
          {users.data.items.length > 0 ? <UsersTable users={users.data.items} /> : <p>{t('adminUsers.empty')}</p>}
          {pages > 1 ? (
            <nav className="pager" aria-label={t('adminUsers.pagesLabel')}>
              <button
                type="button"
                className="button button-secondary"
                disabled={filter.page <= 1}
                onClick={() => goTo(filter.page - 1)}
              >
                {t('common.previous')}
              </button>
              <span>{t('adminUsers.pageOf', { page: filter.page, pages })}</span>
              <button
                type="button"
                className="button button-secondary"
                disabled={filter.page >= pages}
                onClick={() => goTo(filter.page + 1)}
              >
                {t('common.next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
      <Suspense fallback={null}>
        <FactsToReview />
      </Suspense>
    </Page>
  );
}
