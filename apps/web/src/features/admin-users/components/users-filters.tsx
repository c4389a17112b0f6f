import { ROLES, USER_STATUSES } from '@dari/contracts';
import { useId, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsersFilter } from '../api/list-users';

/** The filters live in the address (`useUrlFilters`), so back/forward and sharing a link work. */
export function UsersFilters({
  filter,
  onSearch,
}: {
  filter: UsersFilter;
  /** A new search starts again at page 1. */
  onSearch: (event: SubmitEvent<HTMLFormElement>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <form onSubmit={onSearch} role="search" className="filters" aria-label={t('adminUsers.filtersLabel')}>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('adminUsers.search')}</label>
        <input id={`${id}-q`} name="q" type="search" defaultValue={filter.q ?? ''} maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('fields.role')}</label>
        <select id={`${id}-role`} name="role" defaultValue={filter.role ?? ''}>
          <option value="">{t('adminUsers.allRoles')}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('fields.status')}</label>
        <select id={`${id}-status`} name="status" defaultValue={filter.status ?? ''}>
          <option value="">{t('adminUsers.allStatuses')}</option>
          {USER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t('adminUsers.searchSubmit')}
      </button>
    </form>
  );
}
