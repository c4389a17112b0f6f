import { changePasswordSchema } from '@dari/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert, StatusMessage } from '../../../components/alerts';
import { TextField } from '../../../components/fields';
import { NewPasswordFields } from '../../../components/new-password-fields';
import { isApiError } from '../../../lib/api';
import { applyServerFieldErrors, encodeMessage, schemaResolver } from '../../../lib/form';
import { withPasswordConfirmation } from '../../../lib/password-confirmation';
import { useChangePassword } from '../api/change-password';

const changePasswordFormSchema = withPasswordConfirmation(changePasswordSchema);
type ChangePasswordForm = z.input<typeof changePasswordFormSchema>;

const EMPTY: ChangePasswordForm = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm<ChangePasswordForm, unknown, z.output<typeof changePasswordFormSchema>>({
    resolver: schemaResolver(changePasswordFormSchema),
    defaultValues: EMPTY,
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.reset(EMPTY);
    } catch (error) {
      if (!isApiError(error)) return;
      applyServerFieldErrors(error, form.setError, ['currentPassword', 'newPassword']);
      if (error.code === 'wrong_password') {
        form.setError('currentPassword', { type: 'server', message: encodeMessage({ key: 'errors.wrong_password' }) });
      }
      if (error.code === 'password_too_common' || error.code === 'password_reused') {
        form.setError('newPassword', { type: 'server', message: encodeMessage({ key: `errors.${error.code}` }) });
      }
    }
  });

  return (
    <section className="card" aria-labelledby="change-password-title">
      <h2 id="change-password-title">{t('account.passwordTitle')}</h2>
      <p>{t('account.passwordOtherDevices')}</p>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <ErrorAlert error={change.error} />
        <TextField
          label={t('fields.currentPassword')}
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword}
          {...form.register('currentPassword')}
        />
        <NewPasswordFields
          newPassword={form.register('newPassword')}
          confirmPassword={form.register('confirmPassword')}
          errors={errors}
        />
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {t('account.passwordSubmit')}
        </button>
      </form>
      <StatusMessage>{change.isSuccess ? t('account.passwordChanged') : null}</StatusMessage>
    </section>
  );
}
