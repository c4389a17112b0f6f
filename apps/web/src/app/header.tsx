import type { Role } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { useLocale } from '@/components/use-locale';
import { useChangeLocale } from '@/features/account/hooks/use-change-locale';
import { useLogout } from '@/features/auth/api/logout';
import { InboxNavLink } from '@/features/inbox/components/inbox-nav-link';
import { ReadingMenu } from '@/features/settings/components/reading-menu';
import { ROLE_HOME } from '@/lib/roles';
import { useMe } from '@/lib/session';
import { paths } from '@/config/paths';

/** Each role's own areas: admins also teach and see every cohort; managers read the courses. */
const ROLE_NAV: Record<Role, { to: string; key: string }[]> = {
  learner: [
    { to: ROLE_HOME.learner, key: 'nav.learn' },
    { to: paths.glossary.home, key: 'nav.words' },
  ],
  instructor: [
    { to: ROLE_HOME.instructor, key: 'nav.teach' },
    { to: paths.teach.questions, key: 'nav.questions' },
    { to: paths.glossary.home, key: 'nav.glossary' },
  ],
  manager: [
    { to: ROLE_HOME.manager, key: 'nav.program' },
    { to: paths.teach.home, key: 'nav.courses' },
    { to: paths.glossary.home, key: 'nav.glossary' },
  ],
  admin: [
    { to: ROLE_HOME.admin, key: 'nav.admin' },
    { to: paths.admin.audit, key: 'nav.audit' },
    { to: paths.admin.credentials, key: 'nav.credentials' },
    { to: paths.program.home, key: 'nav.program' },
    { to: paths.teach.home, key: 'nav.teach' },
    { to: paths.glossary.home, key: 'nav.glossary' },
  ],
};

/** The name, in both scripts and never translated ("Dari 다리"); a learner's phone shows only "다리". */
const BRAND = { latin: 'Dari', ko: '다리' } as const;

// Pages anyone may open; every other page needs a session, so it will show the navigation.
export const PUBLIC_PATH = /^\/(?:sign-in|reset-code|join|verify|privacy)?(?:\/|$)/;
// The staff's own areas; every other signed-in page is most often a learner's (learning, glossary, account).
const STAFF_PATH = /^\/(?:teach|program|admin)(?:\/|$)/;

export function Header() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const { pathname } = useLocation();
  // While the session loads on a page that needs one, the navigation's place is kept, so that the page
  // does not move when it appears (a layout shift on every first load): outside the staff's areas, the
  // learner's (on a phone a tab bar at the bottom and a one-row header); in them, a row for the menu.
  const reserveNav = isPending && !PUBLIC_PATH.test(pathname);
  const reserveTabs = !STAFF_PATH.test(pathname);
  const locale = useLocale();
  const { change } = useChangeLocale();
  const logout = useLogout();

  return (
    <header className="site-header">
      <div className="header-top">
        <Link to={paths.home} className="brand" lang="ko">
          {/* On a learner's phone only "다리" shows, so the header keeps to one row (styles.css). One inline
              box inside the flex link, so the space between the two names is kept. */}
          <span>
            <span className="brand-latin">{BRAND.latin}</span> {BRAND.ko}
          </span>
        </Link>
        <div className="header-tools">
          <LanguageSwitch value={locale} onChange={change} />
          <ReadingMenu />
        </div>
      </div>
      {me ? (
        // A learner's phone shows this menu as a tab bar at the bottom of the screen (styles.css,
        // .site-nav-tabs): the header stays one short row and the menu is under the thumb.
        <nav className={me.role === 'learner' ? 'site-nav site-nav-tabs' : 'site-nav'} aria-label={t('nav.label')}>
          <ul>
            {ROLE_NAV[me.role].map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{t(item.key)}</NavLink>
              </li>
            ))}
            <li>
              <InboxNavLink />
            </li>
            <li>
              <NavLink to={paths.account}>{t('nav.account')}</NavLink>
            </li>
            <li>
              <button type="button" className="nav-button" onClick={() => logout.mutate()} disabled={logout.isPending}>
                {t('nav.signOut')}
              </button>
            </li>
          </ul>
          {logout.isError ? (
            <p className="field-error" role="alert">
              {t('nav.signOutFailed')}
            </p>
          ) : null}
        </nav>
      ) : reserveNav ? (
        <div
          className={reserveTabs ? 'site-nav site-nav-tabs site-nav-reserved' : 'site-nav site-nav-reserved'}
          aria-hidden="true"
        />
      ) : null}
    </header>
  );
}
