import type { Role } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LanguageSwitch } from '../components/language-switch';
import { useLocale } from '../components/use-locale';
import { useChangeLocale } from '../features/account/hooks/use-change-locale';
import { useLogout } from '../features/auth/api/logout';
import { ROLE_HOME } from '../lib/roles';
import { useMe } from '../lib/session';

const ROLE_NAV_KEY: Record<Role, string> = {
  learner: 'nav.learn',
  instructor: 'nav.teach',
  manager: 'nav.program',
  admin: 'nav.admin',
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
        <LanguageSwitch value={locale} onChange={change} />
      </div>
      {me ? (
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul>
            <li>
              <NavLink to={ROLE_HOME[me.role]}>{t(ROLE_NAV_KEY[me.role])}</NavLink>
            </li>
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
