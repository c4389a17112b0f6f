import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/config/paths';
import { useUnreadCount } from '../api/unread-count';

/** The installed app's badge (Badging API) where the browser has it; nothing leaves Dari, no push. */
function useAppBadge(unread: number | undefined) {
  useEffect(() => {
    if (unread === undefined || !('setAppBadge' in navigator)) return;
    const done = unread > 0 ? navigator.setAppBadge(unread) : navigator.clearAppBadge();
    done.catch(() => undefined); // not installed, or not allowed: the number in the navigation is enough
  }, [unread]);
}

/** "알림" in the navigation with the unread number, said in words for screen readers. */
export function InboxNavLink() {
  const { t } = useTranslation();
  const { data } = useUnreadCount();
  const unread = data?.unread;
  useAppBadge(unread);
  return (
    <NavLink to={paths.inbox} className="inbox-nav-link">
      {t('nav.inbox')}
      {unread ? (
        <>
          {' '}
          <span className="inbox-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
          <span className="visually-hidden">{t('nav.unreadCount', { count: unread })}</span>
        </>
      ) : null}
    </NavLink>
  );
}
