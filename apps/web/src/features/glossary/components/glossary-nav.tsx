import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '@/lib/session';
import './glossary.css';
import { paths } from '@/config/paths';

export const STAFF_ROLES = ['instructor', 'manager', 'admin'] as const;

/** Between the glossary's own pages: browse, my words, and for staff the questions and a new term. */
export function GlossaryNav() {
  const { t } = useTranslation();
  const role = useMe().data?.role;
  const staff = role !== undefined && role !== 'learner';
  return (
    <nav className="glossary-subnav" aria-label={t('glossary.nav.sectionLabel')}>
      <ul>
        <li>
          <NavLink to={paths.glossary.home} end>
            {t('glossary.nav.browse')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.glossary.words}>{t('glossary.nav.myWords')}</NavLink>
        </li>
        {staff ? (
          <>
            <li>
              <NavLink to={paths.glossary.requests}>{t('glossary.nav.requests')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.glossary.newTerm}>{t('glossary.nav.newTerm')}</NavLink>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}
