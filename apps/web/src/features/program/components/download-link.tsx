import { useTranslation } from 'react-i18next';

/** A CSV file the browser downloads itself (UTF-8 with BOM, so Korean Excel opens it right). */
export function DownloadLink({ href, label }: { href: string; label: string }) {
  const { t } = useTranslation();
  return (
    <p className="download">
      <a href={href} download className="button button-secondary">
        {label}
      </a>{' '}
      <span className="muted">{t('program.csvHint')}</span>
    </p>
  );
}
