import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';

/** The learner's own places inside "My learning": their journal and their certificates. */
export function LearningLinks() {
  const { t } = useTranslation();
  return (
    <nav className="learning-links" aria-label={t('learning.links.label')}>
      <ul>
        <li>
          <Link to={paths.learn.journal}>{t('learning.links.journal')}</Link>
        </li>
        <li>
          <Link to={paths.learn.results()}>{t('learning.links.results')}</Link>
        </li>
        <li>
          <Link to={paths.learn.certificates()}>{t('learning.links.certificates')}</Link>
        </li>
      </ul>
    </nav>
  );
}
