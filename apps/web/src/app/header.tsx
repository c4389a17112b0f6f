import type { Role } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LanguageSwitch } from '../components/language-switch';
import { useLocale } from '../components/use-locale';
import { useChangeLocale } from '../features/account/hooks/use-change-locale';
import { useLogout } from '../features/auth/api/logout';
import { ReadingMenu } from '../features/settings/components/reading-menu';
import { ROLE_HOME } from '../lib/roles';
import { useMe } from '../lib/session';

/** Each role's own areas: admins also teach and see every cohort; managers read the courses. */
const ROLE_NAV: Record<Role, { to: string; key: string }[]> = {
  learner: [
    { to: ROLE_HOME.learner, key: 'nav.learn' },
    { to: '/glossary', key: 'glossary.nav.words' },
  ],
  instructor: [
    { to: ROLE_HOME.instructor, key: 'nav.teach' },
    { to: '/glossary', key: 'glossary.nav.glossary' },
  ],
  manager: [
    { to: ROLE_HOME.manager, key: 'nav.program' },
    { to: '/teach', key: 'nav.courses' },
    { to: '/glossary', key: 'glossary.nav.glossary' },
  ],
  admin: [
    { to: ROLE_HOME.admin, key: 'nav.admin' },
    { to: '/admin/audit', key: 'nav.audit' },
    { to: '/program', key: 'nav.program' },
    { to: '/teach', key: 'nav.teach' },
    { to: '/glossary', key: 'glossary.nav.glossary' },
  ],
};

export function Header() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const locale = useLocale();
  const { change } = useChangeLocale();
  const logout = useLogout();

  return (
    <header className="site-header">
      <div className="header-top">
        <Link to="/" className="brand" lang="ko">
          Dari 다리
        </Link>
        <div className="header-tools">
          <LanguageSwitch value={locale} onChange={change} />
          <ReadingMenu />
        </div>
      </div>
      {me ? (
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul>
            {ROLE_NAV[me.role].map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{t(item.key)}</NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/account">{t('nav.account')}</NavLink>
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
      ) : null}
    </header>
  );
}
