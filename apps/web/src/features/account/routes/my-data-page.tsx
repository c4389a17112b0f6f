import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../../components/alerts';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { useLocale } from '../../../components/use-locale';
import { apiRequest } from '../../../lib/api';
import { routeUrl } from '../../../lib/route-table';
import { formatDateTime } from '../../../lib/format';
import { paths } from '@/config/paths';

/** The parts of the export, in the order they are shown, each with a heading in the reader's language. */
const SECTIONS = [
  'account',
  'cohorts',
  'enrolments',
  'lessonProgress',
  'quizAttempts',
  'journal',
  'wordList',
  'wordRequests',
  'certificates',
  'credentials',
  'sessions',
  'learningEvents',
  'auditEvents',
] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function Value({ value }: { value: Json }) {
  const locale = useLocale();
  const { t } = useTranslation();
  if (value === null || value === '') return <span className="muted">—</span>;
  if (typeof value === 'boolean') return <>{value ? t('privacy.readable.yes') : t('privacy.readable.no')}</>;
  if (typeof value === 'string' && ISO_DATE.test(value)) return <>{formatDateTime(value, locale)}</>;
  if (typeof value === 'object') return <code className="readable-json">{JSON.stringify(value)}</code>;
  return <>{String(value)}</>;
}

/** One record as a list of its fields (the field names as the downloaded file has them). */
function Record({ item }: { item: { [key: string]: Json } }) {
  return (
    <dl className="facts readable-record">
      {Object.entries(item).map(([key, value]) => (
        <div key={key}>
          <dt translate="no">{key}</dt>
          <dd>
            <Value value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The same data as the JSON download (GET /me/export), as a page a person can read and print: each part
 * under a heading, each record as its fields. Long parts (every learning event) stay folded.
 */
export function MyDataPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const data = useQuery({
    queryKey: ['me', 'export'],
    queryFn: ({ signal }) => apiRequest('/me/export', { signal }) as Promise<{ [key: string]: Json | undefined }>,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  return (
    <Page title={t('privacy.readable.title')}>
      <p className="no-print">
        <Link to={paths.account}>{t('privacy.readable.back')}</Link>
      </p>
      <p>{t('privacy.readable.intro')}</p>
      {data.isPending ? <Loading /> : null}
      {data.isError ? <LoadError error={data.error} onRetry={() => void data.refetch()} /> : null}
      {data.data ? (
        <>
          <p className="muted">
            {t('privacy.readable.made', {
              date: typeof data.data.exportedAt === 'string' ? formatDateTime(data.data.exportedAt, locale) : '',
            })}
          </p>
          <div className="button-row no-print">
            <button type="button" className="button button-primary" onClick={() => window.print()}>
              {t('privacy.readable.print')}
            </button>
            <a className="button button-secondary" href={routeUrl('me.export')} download>
              {t('privacy.data.download')}
            </a>
          </div>
          {SECTIONS.map((name) => {
            const part = data.data[name];
            if (part === undefined) return null;
            const items = (Array.isArray(part) ? part : [part]).filter(
              (x): x is { [key: string]: Json } => x !== null && typeof x === 'object' && !Array.isArray(x),
            );
            const body =
              items.length === 0 ? (
                <p className="muted">{t('privacy.readable.none')}</p>
              ) : (
                <ol className="readable-list">
                  {items.map((item, i) => (
                    <li key={i} className="card">
                      <Record item={item} />
                    </li>
                  ))}
                </ol>
              );
            return (
              <section key={name} aria-labelledby={`readable-${name}`} className="readable-section">
                <h2 id={`readable-${name}`}>
                  {t(`privacy.readable.sections.${name}`)}{' '}
                  <span className="muted">({t('privacy.readable.count', { count: items.length })})</span>
                </h2>
                {items.length > 20 ? (
                  <details>
                    <summary>{t('privacy.readable.showAll', { count: items.length })}</summary>
                    {body}
                  </details>
                ) : (
                  body
                )}
              </section>
            );
          })}
        </>
      ) : null}
    </Page>
  );
}
