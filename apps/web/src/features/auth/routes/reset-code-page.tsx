import { redeemResetCodeSchema } from '@dari/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { ErrorAlert } from '@/components/alerts';
import { TextField } from '@/components/fields';
import { NewPasswordFields } from '@/components/new-password-fields';
import { Page } from '@/components/page';
import { isApiError } from '@/lib/api';
import { applyServerFieldErrors, encodeMessage, schemaResolver } from '@/lib/form';
import { withPasswordConfirmation } from '@/lib/password-confirmation';
import { useMe } from '@/lib/session';
import { useRedeemResetCode } from '../api/redeem-reset-code';
import { SignedInRedirect } from '../components/signed-in-redirect';
import { paths } from '@/config/paths';

const resetCodeFormSchema = withPasswordConfirmation(redeemResetCodeSchema);
type ResetCodeFormInput = z.input<typeof resetCodeFormSchema>;
type ResetCodeFormOutput = z.output<typeof resetCodeFormSchema>;

export function ResetCodePage() {
  const { t } = useTranslation();
  const me = useMe();
  const redeem = useRedeemResetCode();
  const form = useForm<ResetCodeFormInput, unknown, ResetCodeFormOutput>({
    resolver: schemaResolver(resetCodeFormSchema),
    defaultValues: { username: '', code: '', newPassword: '', confirmPassword: '' },
  });
  const { errors } = form.formState;

  if (me.data) return <SignedInRedirect me={me.data} />;

  const onSubmit = form.handleSubmit(async ({ username, code, newPassword }) => {
    try {
      await redeem.mutateAsync({ username, code, newPassword });
    } catch (error) {
      if (!isApiError(error)) return;
      applyServerFieldErrors(error, form.setError, ['username', 'code', 'newPassword']);
      if (error.code === 'invalid_reset_code') {
        form.setError('code', { type: 'server', message: encodeMessage({ key: 'errors.invalid_reset_code' }) });
      }
      if (error.code === 'password_too_common') {
        form.setError('newPassword', { type: 'server', message: encodeMessage({ key: 'errors.password_too_common' }) });
      }
    }
  });

  return (
    <Page title={t('resetCode.title')} className="page-narrow">
      <p>{t('resetCode.intro')}</p>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <ErrorAlert error={redeem.error} />
        <TextField
          label={t('fields.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.username}
          {...form.register('username')}
        />
        <TextField
          label={t('resetCode.code')}
          hint={t('resetCode.codeHint')}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          className="input-code"
          error={errors.code}
          {...form.register('code')}
        />
        <NewPasswordFields
          newPassword={form.register('newPassword')}
          confirmPassword={form.register('confirmPassword')}
          errors={errors}
        />
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {t('resetCode.submit')}
        </button>
      </form>
      <p className="after-form">
        <Link to={paths.signIn}>{t('resetCode.backToSignIn')}</Link>
      </p>
    </Page>
  );
}
