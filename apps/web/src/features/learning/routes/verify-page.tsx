import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadError } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { isApiError } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { useCertificateVerification } from '../api/verify-certificate';
import { verifyPath } from '../lesson-path';
import '../learning.css';
import { paths } from '@/config/paths';

/**
 * Certificate codes are 12 letters and digits (no 0, 1, I, L, O), printed as ABCD-EFGH-JKMN; people may
 * type them with or without dashes, with spaces, in small letters. They become the printed form, so the
 * address is the one on the certificate.
 */
export function normalizeCertificateCode(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[\s\-‐-―−]/g, '');
  return /^[A-Z2-9]{12}$/.test(compact) ? compact.replace(/^(.{4})(.{4})(.{4})$/, '$1-$2-$3') : null;
}

/**
 * Public: is this certificate real? Only the chosen name, the course, the date and whether it is valid.
 * Without a code (/verify), a box to type the code printed on the certificate.
 */
export function VerifyPage() {
  const { code } = useParams();
  return code ? <VerifyResult code={code} /> : <VerifyEntry />;
}

function VerifyEntry() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const code = normalizeCertificateCode(value);
    setInvalid(!code);
    // Back to the box, which now describes itself with the error, so a screen reader says what is wrong.
    if (!code) input.current?.focus();
    else void navigate(verifyPath(code));
  };

  return (
    <Page title={t('learning.verify.title')} className="page-narrow">
      <p>{t('learning.verify.enterIntro')}</p>
      <form className="form" noValidate onSubmit={onSubmit}>
        <div className={invalid ? 'field field-invalid' : 'field'}>
          <label htmlFor={id}>{t('learning.verify.codeLabel')}</label>
          <p id={`${id}-hint`} className="field-hint">
            {t('learning.verify.codeHint')}
          </p>
          <input
            ref={input}
            id={id}
            className="input-code"
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            maxLength={40}
            value={value}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(e) => {
              setValue(e.target.value);
              setInvalid(false);
            }}
          />
          {invalid ? (
            <p id={`${id}-error`} className="field-error">
              {t('learning.verify.badFormat')}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" className="button button-primary">
            {t('learning.verify.submit')}
          </button>
        </p>
      </form>
      <p>
        <Link to={paths.verifyFile}>{t('learning.verify.fileLink')}</Link>
      </p>
    </Page>
  );
}

function VerifyResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const verification = useCertificateVerification(code);
  const notFound =
    isApiError(verification.error) && (verification.error.status === 404 || verification.error.status === 400);

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
      {verification.isError && !notFound ? (
        <LoadError error={verification.error} onRetry={() => void verification.refetch()} />
      ) : null}
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
              <dd lang={pickText(verification.data.courseTitle, locale).lang}>
                {pickText(verification.data.courseTitle, locale).text}
              </dd>
            </div>
            <div>
              <dt>{t('learning.verify.date')}</dt>
              <dd>{formatDate(verification.data.issuedAt, locale)}</dd>
            </div>
          </dl>
        </section>
      ) : null}
      {verification.isPending ? null : (
        <p>
          <Link to={paths.verify()}>{t('learning.verify.another')}</Link>
        </p>
      )}
    </Page>
  );
}
