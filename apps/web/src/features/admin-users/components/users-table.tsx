import type { UserSummary } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../components/use-locale';
import { formatDateTime } from '../../../lib/format';

/** On a phone each row becomes a small card (see .table-cards in styles.css); no page-wide sideways scroll. */
export function UsersTable({ users }: { users: UserSummary[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const columns = {
    username: t('fields.username'),
    displayName: t('fields.displayName'),
    role: t('fields.role'),
    status: t('fields.status'),
    lastLogin: t('adminUsers.lastLogin'),
  };
  return (
    <div className="table-wrap">
      <table className="table-cards">
        <caption className="visually-hidden">{t('adminUsers.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.username}</th>
            <th scope="col">{columns.displayName}</th>
            <th scope="col">{columns.role}</th>
            <th scope="col">{columns.status}</th>
            <th scope="col">{columns.lastLogin}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row" data-label={columns.username}>
                <Link to={`/admin/users/${user.id}`} translate="no">
                  {user.username}
                </Link>
              </th>
              <td data-label={columns.displayName}>{user.displayName}</td>
              <td data-label={columns.role}>{t(`roles.${user.role}`)}</td>
              <td data-label={columns.status}>
                <span className={`badge badge-${user.status}`}>{t(`statuses.${user.status}`)}</span>
              </td>
              <td data-label={columns.lastLogin}>
                {user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t('adminUsers.never')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
