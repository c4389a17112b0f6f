import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from './fields';

/** "New password" and "the same again": used wherever a person chooses a password. */
export function NewPasswordFields(props: {
  newPassword: UseFormRegisterReturn;
  confirmPassword: UseFormRegisterReturn;
  errors: { newPassword?: FieldError; confirmPassword?: FieldError };
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('fields.newPassword')}
        hint={t('fields.passwordHint')}
        type="password"
        autoComplete="new-password"
        error={props.errors.newPassword}
        {...props.newPassword}
      />
      <TextField
        label={t('fields.confirmPassword')}
        type="password"
        autoComplete="new-password"
        error={props.errors.confirmPassword}
        {...props.confirmPassword}
      />
    </>
  );
}
