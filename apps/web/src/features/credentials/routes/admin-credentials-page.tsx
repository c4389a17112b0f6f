import { revokeCredentialSchema, updateIssuerSchema, type Issuer, type RevokedCredential } from '@dari/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert, LoadError, StatusMessage } from '@/components/alerts';
import { TextAreaField, TextField } from '@/components/fields';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { isApiError } from '@/lib/api';
import { applyServerFieldErrors, encodeMessage, schemaResolver } from '@/lib/form';
import { useIssuer, useRevokeCredential, useUpdateIssuer } from '../api/admin-credentials';
import '../credentials.css';

/** Certificate codes as printed (ABCD-EFGH-JKMN); typed with or without dashes or spaces, in any case. */
export function normalizeCode(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[\s\-‐-―−]/g, '');
  return /^[A-Z2-9]{12}$/.test(compact) ? compact.replace(/^(.{4})(.{4})(.{4})$/, '$1-$2-$3') : null;
}

const revokeFormSchema = z.object({
  code: z
    .string()
    .refine((v) => normalizeCode(v) !== null, { params: { i18n: 'credentials.admin.codeFormat' } })
    .transform((v) => normalizeCode(v) ?? v),
  reason: revokeCredentialSchema.shape.reason,
});
type RevokeForm = { code: string; reason: string };
type RevokeValues = z.output<typeof revokeFormSchema>;

const isHttps = (v: string) => {
  try {
    return new URL(v).protocol === 'https:';
  } catch {
    return false;
  }
};
const issuerFormSchema = z.object({
  name: updateIssuerSchema.shape.name,
  url: z
    .string()
    .trim()
    .refine(isHttps, { params: { i18n: 'credentials.admin.httpsUrl' } }),
  imageUrl: z
    .string()
    .trim()
    .refine((v) => v === '' || isHttps(v), { params: { i18n: 'credentials.admin.httpsUrl' } })
    .transform((v) => v || undefined),
});
type IssuerForm = { name: string; url: string; imageUrl: string };
type IssuerValues = z.output<typeof issuerFormSchema>;

/** The admin's credential tools: revoke one by its certificate's code, and the issuer every credential names. */
export function AdminCredentialsPage() {
  const { t } = useTranslation();
  const issuer = useIssuer();
  return (
    <Page title={t('credentials.admin.title')}>
      <RevokeSection />
      <section className="card" aria-labelledby="issuer-title">
        <h2 id="issuer-title">{t('credentials.admin.issuerTitle')}</h2>
        <p>{t('credentials.admin.issuerIntro')}</p>
        {issuer.isPending ? <Loading /> : null}
        {issuer.isError ? <LoadError error={issuer.error} onRetry={() => void issuer.refetch()} /> : null}
        {issuer.data ? <IssuerFormView issuer={issuer.data} /> : null}
      </section>
    </Page>
  );
}

function RevokeSection() {
  const { t } = useTranslation();
  const revoke = useRevokeCredential();
  // Revoking cannot be undone: the form's values wait here until the admin confirms.
  const [pending, setPending] = useState<RevokeValues | null>(null);
  const [done, setDone] = useState<RevokedCredential | null>(null);
  const form = useForm<RevokeForm, unknown, RevokeValues>({
    resolver: schemaResolver(revokeFormSchema as unknown as z.ZodType<RevokeValues, RevokeForm>),
    defaultValues: { code: '', reason: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    revoke.reset();
    setDone(null);
    setPending(values);
  });

  const confirm = async () => {
    if (!pending) return;
    const values = pending;
    setPending(null);
    try {
      setDone(await revoke.mutateAsync(values));
      form.reset({ code: '', reason: '' });
    } catch (error) {
      if (!isApiError(error)) return;
      if (error.status === 404) {
        form.setError('code', { type: 'server', message: encodeMessage({ key: 'credentials.admin.notFound' }) });
        revoke.reset();
      } else {
        applyServerFieldErrors(error, form.setError, ['code', 'reason']);
      }
    }
  };

  return (
    <section className="card" aria-labelledby="revoke-title">
      <h2 id="revoke-title">{t('credentials.admin.revokeTitle')}</h2>
      <p>{t('credentials.admin.revokeIntro')}</p>
      <StatusMessage>{done ? t('credentials.admin.revoked', { code: done.code }) : null}</StatusMessage>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <ErrorAlert error={revoke.error} />
        <TextField
          label={t('credentials.admin.code')}
          hint={t('credentials.admin.codeHint')}
          className="input-code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          error={errors.code}
          {...form.register('code', { onChange: () => setPending(null) })}
        />
        <TextAreaField
          label={t('credentials.admin.reason')}
          hint={t('credentials.admin.reasonHint')}
          rows={3}
          maxLength={500}
          error={errors.reason}
          {...form.register('reason', { onChange: () => setPending(null) })}
        />
        {pending ? (
          <div className="confirm" role="group" aria-label={t('credentials.admin.revoke')}>
            <p>{t('credentials.admin.revokeQuestion', { code: pending.code })}</p>
            <div className="button-row">
              <button type="button" className="button button-danger" onClick={() => void confirm()}>
                {t('credentials.admin.revokeConfirm')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setPending(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="submit" className="button button-danger" disabled={revoke.isPending}>
            {t('credentials.admin.revoke')}
          </button>
        )}
      </form>
    </section>
  );
}

function IssuerFormView({ issuer }: { issuer: Issuer }) {
  const { t } = useTranslation();
  const update = useUpdateIssuer();
  const form = useForm<IssuerForm, unknown, IssuerValues>({
    resolver: schemaResolver(issuerFormSchema as unknown as z.ZodType<IssuerValues, IssuerForm>),
    defaultValues: { name: issuer.name, url: issuer.url, imageUrl: issuer.imageUrl ?? '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(values);
      form.reset({ name: saved.name, url: saved.url, imageUrl: saved.imageUrl ?? '' });
    } catch (error) {
      if (isApiError(error)) applyServerFieldErrors(error, form.setError, ['name', 'url', 'imageUrl']);
    }
  });

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      onChange={() => {
        if (update.isSuccess) update.reset();
      }}
    >
      <ErrorAlert error={update.error} />
      <TextField
        label={t('credentials.admin.issuerName')}
        hint={t('credentials.admin.issuerNameHint')}
        autoComplete="organization"
        maxLength={200}
        error={errors.name}
        {...form.register('name')}
      />
      <TextField
        label={t('credentials.admin.issuerUrl')}
        hint={t('credentials.admin.issuerUrlHint')}
        type="url"
        inputMode="url"
        autoComplete="url"
        maxLength={500}
        error={errors.url}
        {...form.register('url')}
      />
      <TextField
        label={t('credentials.admin.issuerImage')}
        hint={t('credentials.admin.issuerImageHint')}
        type="url"
        inputMode="url"
        autoComplete="off"
        maxLength={500}
        error={errors.imageUrl}
        {...form.register('imageUrl')}
      />
      <dl className="facts">
        <div>
          <dt>{t('credentials.admin.issuerDid')}</dt>
          <dd className="credential-did">{issuer.did}</dd>
        </div>
      </dl>
      <StatusMessage>{update.isSuccess ? t('credentials.admin.issuerSaved') : null}</StatusMessage>
      <p>
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {t('credentials.admin.issuerSave')}
        </button>
      </p>
    </form>
  );
}
