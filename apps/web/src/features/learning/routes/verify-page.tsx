import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadError } from '../../../components/alerts';
import { pickText } from '../../../components/course/localized';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { useLocale } from '../../../components/use-locale';
import { isApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useCertificateVerification } from '../api/verify-certificate';
import '../learning.css';

/** Public: is this certificate real? Only the chosen name, the course, the date and whether it is valid. */
export function VerifyPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { code = '' } = useParams();
  const verification = useCertificateVerification(code);
  const notFound = isApiError(verification.error) && (verification.error.status === 404 || verification.error.status === 400);

  return (
    <Page title={t('learning.verify.title')} className="page-narrow">
      <p className="muted">
        {t('learning.verify.code')} <span className="code-value">{code}</span>
      </p>
      {verification.isPending ? <Loading /> : null}
      {notFound ? (
        <div className="alert alert-error" role="alert">
          <p>
            <span aria-hidden="true">✗ </span>
            {t('learning.verify.notFound')}
          </p>
        </div>
      ) : null}
      {verification.isError && !notFound ? <LoadError error={verification.error} onRetry={() => void verification.refetch()} /> : null}
      {verification.data ? (
        <section className="card" aria-label={t('learning.verify.result')}>
          <p className={verification.data.valid ? 'verify-valid' : 'verify-invalid'} role="status">
            <span aria-hidden="true">{verification.data.valid ? '✓ ' : '✗ '}</span>
            <strong>{verification.data.valid ? t('learning.verify.valid') : t('learning.verify.invalid')}</strong>
          </p>
          <dl className="facts">
            <div>
              <dt>{t('learning.verify.name')}</dt>
              <dd>{verification.data.name}</dd>
            </div>
            <div>
              <dt>{t('learning.verify.course')}</dt>
              <dd lang={pickText(verification.data.courseTitle, locale).lang}>{pickText(verification.data.courseTitle, locale).text}</dd>
            </div>
            <div>
              <dt>{t('learning.verify.date')}</dt>
              <dd>{formatDate(verification.data.issuedAt, locale)}</dd>
            </div>
          </dl>
        </section>
      ) : null}
    </Page>
  );
}
