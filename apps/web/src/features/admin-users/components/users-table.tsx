import type { UserSummary } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardTable, type Column } from '@/components/card-table';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';
import { formatKoreaDateTime } from '@/lib/korea-time';

export function UsersTable({ users }: { users: UserSummary[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const columns: Column<UserSummary>[] = [
    {
      key: 'username',
      header: t('fields.username'),
      cell: (user) => (
        <Link to={paths.admin.user(user.id)} translate="no">
          {user.username}
        </Link>
      ),
    },
    { key: 'displayName', header: t('fields.displayName'), cell: (user) => user.displayName },
    { key: 'role', header: t('fields.role'), cell: (user) => t(`roles.${user.role}`) },
    {
      key: 'status',
      header: t('fields.status'),
      cell: (user) => <span className={`badge badge-${user.status}`}>{t(`statuses.${user.status}`)}</span>,
    },
    {
      key: 'lastLogin',
      header: t('adminUsers.lastLogin'),
      cell: (user) => (user.lastLoginAt ? formatKoreaDateTime(user.lastLoginAt, locale) : t('adminUsers.never')),
    },
  ];
  return <CardTable caption={t('adminUsers.tableCaption')} columns={columns} rows={users} rowKey={(user) => user.id} />;
}
