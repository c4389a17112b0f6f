import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/page';

const SECTIONS = ['records', 'notRecorded', 'whoSees', 'kept', 'yourRights', 'help'] as const;

/** The plain privacy notice, for everyone (signed in or not). */
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('privacy.notice.title')}>
      <p>{t('privacy.notice.intro')}</p>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`privacy-${s}`}>
          <h2 id={`privacy-${s}`}>{t(`privacy.notice.${s}.title`)}</h2>
          <p>{t(`privacy.notice.${s}.body`)}</p>
        </section>
      ))}
      <p className="muted">{t('privacy.notice.version')}</p>
    </Page>
  );
}
