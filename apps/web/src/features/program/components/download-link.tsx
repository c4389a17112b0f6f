import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../components/use-locale';

/** An export address with the app's language (the file's headers and words follow it) and a format. */
export function exportHref(href: string, locale: string, format: 'csv' | 'xlsx'): string {
  const query = new URLSearchParams({ lang: locale, ...(format === 'xlsx' ? { format } : {}) });
  return `${href}${href.includes('?') ? '&' : '?'}${query.toString()}`;
}

/**
 * A report the browser downloads itself, in the app's language: CSV (UTF-8 with BOM, so Korean Excel
 * opens it right) or an Excel workbook whose percentages and dates are real numbers and dates.
 */
export function DownloadLink({ href, label }: { href: string; label: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <p className="download">
      <a href={exportHref(href, locale, 'csv')} download className="button button-secondary">
        {label}
      </a>{' '}
      <a href={exportHref(href, locale, 'xlsx')} download className="button button-secondary">
        {t('program.downloadXlsx')}
      </a>{' '}
      <span className="muted">{t('program.csvHint')}</span>
    </p>
  );
}
