import { roleSchema, userStatusSchema } from '@dari/contracts';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';
import { Pager, pageCount } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import { paths } from '@/config/paths';
import { lazyWithAreas } from '@/i18n';
import { readPage, readText, useUrlFilters } from '@/lib/use-url-filters';
import { useUsers, type UsersFilter } from '../api/list-users';
import { UsersFilters } from '../components/users-filters';
import { UsersTable } from '../components/users-table';
import '../../../components/page-wide.css';

// The dated facts due for review: the authoring area's component, with its words.
const FactsToReview = lazyWithAreas(['authoring'], () =>
  import('@/features/authoring').then((m) => ({ default: m.FactsToReview })),
);

const PAGE_SIZE = 20;

function readFilter(params: URLSearchParams): UsersFilter {
  const role = roleSchema.safeParse(params.get('role'));
  const status = userStatusSchema.safeParse(params.get('status'));
  return {
    q: readText(params, 'q', 100),
    role: role.success ? role.data : undefined,
    status: status.success ? status.data : undefined,
    page: readPage(params),
    pageSize: PAGE_SIZE,
  };
}

export function UsersPage() {
  const { t } = useTranslation();
  const { filter, formKey, onSearch, goToPage } = useUrlFilters(readFilter);
  const users = useUsers(filter);
  const pages = pageCount(users.data);

  return (
    <Page title={t('adminUsers.title')} className="page-wide">
      <p>
        <Link to={paths.admin.newUser} className="button button-primary">
          {t('adminUsers.newUser')}
        </Link>
      </p>
      <UsersFilters key={formKey} filter={filter} onSearch={onSearch} />
      <QueryState query={users}>
        {(data) => (
          <>
            <p role="status" className="muted">
              {t('adminUsers.count', { count: data.total })}
            </p>
            {data.items.length > 0 ? <UsersTable users={data.items} /> : <p>{t('adminUsers.empty')}</p>}
            <Pager
              label={t('adminUsers.pagesLabel')}
              page={filter.page}
              pages={pages}
              status={t('adminUsers.pageOf', { page: filter.page, pages })}
              onPage={goToPage}
            />
          </>
        )}
      </QueryState>
      <Suspense fallback={null}>
        <FactsToReview />
      </Suspense>
    </Page>
  );
}
