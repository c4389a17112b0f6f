import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorAlert, LoadError, StatusMessage } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { QrCode } from '@/components/qr-code';
import { useLocale } from '@/components/use-locale';
import { ApiError } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { certificatesQueryKey, useCertificates } from '../api/get-certificates';
import { useRenameCertificate } from '../api/rename-certificate';
import { verifyPath } from '../lesson-path';
import { paths } from '@/config/paths';
import { CredentialPanel } from '@/features/credentials';

/** A certificate to print or save as PDF, with the name the learner chooses and its verification code. */
export function CertificatePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const { id: certificateId = '' } = useParams();
  const certificates = useCertificates();
  const rename = useRenameCertificate(certificateId);
  const certificate = certificates.data?.items.find((c) => c.id === certificateId);
  const [name, setName] = useState<string | null>(null);
  const client = useQueryClient();

  if (certificates.isPending) return <Loading />;
  if (certificates.isError || !certificate) {
    return (
      <Page title={t('errorPage.loadTitle')}>
        <LoadError
          error={certificates.error ?? new ApiError({ status: 404, code: 'not_found', message: 'not found' })}
          onRetry={() => void certificates.refetch()}
        />
        <Link to={paths.learn.certificates()}>{t('learning.certificates.title')}</Link>
      </Page>
    );
  }
  const title = pickText(certificate.courseTitle, locale);
  const verifyUrl = `${window.location.origin}${verifyPath(certificate.code)}`;
  const value = name ?? certificate.name;
  const tooLong = value.trim().length > 80;

  return (
    <Page title={t('learning.certificate.pageTitle')} className="certificate-page">
      <p className="no-print">
        <Link to={paths.learn.certificates()}>{t('learning.certificates.title')}</Link>
      </p>
      <section className="certificate" aria-labelledby={`${id}-title`}>
        <p className="certificate-brand" lang="ko">
          {t('app.name')}
        </p>
        <h2 id={`${id}-title`} className="certificate-title">
          {t('learning.certificate.heading')}
        </h2>
        <p className="certificate-name">{certificate.name}</p>
        <p className="certificate-course">
          {t('learning.certificate.completed')} <strong lang={title.lang}>{title.text}</strong>
        </p>
        <div className="certificate-verify">
          <dl className="facts certificate-facts">
            <div>
              <dt>{t('learning.certificate.date')}</dt>
              <dd>{formatDate(certificate.issuedAt, locale)}</dd>
            </div>
            <div>
              <dt>{t('learning.certificate.code')}</dt>
              <dd className="code-value">{certificate.code}</dd>
            </div>
            <div>
              <dt>{t('learning.certificate.verifyAt')}</dt>
              <dd>
                <Link to={verifyPath(certificate.code)}>{verifyUrl}</Link>
              </dd>
            </div>
          </dl>
          {/* The verify address only (the code in it): nothing about the learner is in the picture. */}
          <QrCode value={verifyUrl} label={t('learning.certificate.qrLabel')} className="certificate-qr" />
        </div>
        {certificate.valid ? null : <p className="field-error">{t('learning.certificate.revoked')}</p>}
      </section>
      <div className="no-print">
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('learning.certificate.print')}
          </button>
        </div>
        <form
          className="form card certificate-name-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!value.trim() || tooLong) return;
            rename.mutate(value.trim(), { onSuccess: () => setName(null) });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('learning.certificate.nameLabel')}</label>
            <p id={`${id}-name-hint`} className="field-hint">
              {t('learning.certificate.nameHint')}
            </p>
            <input
              id={`${id}-name`}
              value={value}
              maxLength={80}
              autoComplete="off"
              aria-describedby={`${id}-name-hint`}
              aria-invalid={!value.trim() || tooLong || undefined}
              onChange={(e) => {
                setName(e.target.value);
                rename.reset();
              }}
            />
            {!value.trim() ? <p className="field-error">{t('validation.required')}</p> : null}
          </div>
          {rename.error ? <ErrorAlert error={rename.error} /> : null}
          <StatusMessage>{rename.isSuccess ? t('learning.certificate.nameSaved') : null}</StatusMessage>
          <div className="button-row">
            <button type="submit" className="button" disabled={rename.isPending}>
              {t('learning.certificate.saveName')}
            </button>
          </div>
        </form>
        <CredentialPanel
          certificateId={certificate.id}
          credential={certificate.credential}
          onChanged={() => client.invalidateQueries({ queryKey: certificatesQueryKey })}
        />
      </div>
    </Page>
  );
}
