import type { Login, loginSchema } from '@dari/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { ErrorAlert, LoadError } from '@/components/alerts';
import { CheckboxField, TextField } from '@/components/fields';
import { Page } from '@/components/page';
import { isApiError } from '@/lib/api';
import { applyServerFieldErrors, loadOnce, schemaResolver } from '@/lib/form';
import { clearSessionEnd, useMe } from '@/lib/session';
import { useLogin } from '../api/login';
import { SignedInRedirect } from '../components/signed-in-redirect';
import { paths } from '@/config/paths';

type SignInForm = z.input<typeof loginSchema>;

const loadSchema = loadOnce(() => import('../sign-in.schema').then((m) => m.signInFormSchema));

export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const loginMutation = useLogin();
  const form = useForm<SignInForm, unknown, Login>({
    resolver: schemaResolver(loadSchema),
    defaultValues: { username: '', password: '', sharedDevice: false },
  });
  const { errors } = form.formState;

  const expired = params.get('expired') === '1';
  const signedOut = params.get('signed-out') === '1';
  const erased = params.get('erased') === '1';

  // The notice now comes from the address; forget the reason so it is not repeated later.
  useEffect(() => {
    clearSessionEnd(client);
  }, [client]);

  // Fetch the validation rules while the person types.
  useEffect(() => {
    loadSchema().catch(() => undefined);
  }, []);

  if (me.data) return <SignedInRedirect me={me.data} />;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await loginMutation.mutateAsync(values);
    } catch (error) {
      if (isApiError(error)) applyServerFieldErrors(error, form.setError, ['username', 'password']);
      if (isApiError(error) && error.code === 'invalid_credentials') form.resetField('password');
    }
  });

  return (
    <Page title={t('signIn.title')} className="page-narrow">
      {expired ? (
        <p className="alert alert-info" role="status">
          {t('signIn.sessionEnded')}
        </p>
      ) : null}
      {signedOut ? (
        <p className="alert alert-info" role="status">
          {t('signIn.signedOut')}
        </p>
      ) : null}
      {erased ? (
        <p className="alert alert-info" role="status">
          {t('signIn.erased')}
        </p>
      ) : null}
      {me.isError ? <LoadError error={me.error} onRetry={() => void me.refetch()} /> : null}
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <ErrorAlert error={loginMutation.error} />
        <TextField
          label={t('fields.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.username}
          {...form.register('username')}
        />
        <TextField
          label={t('fields.password')}
          type="password"
          autoComplete="current-password"
          error={errors.password}
          {...form.register('password')}
        />
        <CheckboxField
          label={t('signIn.sharedDevice')}
          hint={t('signIn.sharedDeviceHint')}
          {...form.register('sharedDevice')}
        />
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
      <p className="after-form">
        <Link to={paths.join()}>{t('signIn.haveJoinCode')}</Link>
      </p>
      <p>
        <Link to={paths.resetCode}>{t('signIn.haveResetCode')}</Link>
      </p>
      <p className="muted">{t('signIn.forgotHelp')}</p>
    </Page>
  );
}
