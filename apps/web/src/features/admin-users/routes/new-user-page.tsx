import { createUserSchema, LOCALES, passwordSchema, ROLES, type CreatedUser } from '@dari/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { SelectField, TextField } from '@/components/fields';
import { OneTimeCode } from '@/components/one-time-code';
import { Page } from '@/components/page';
import { LANGUAGE_NAMES } from '@/i18n';
import { isApiError } from '@/lib/api';
import { HTML_LANG } from '@/lib/format';
import { applyServerFieldErrors, encodeMessage, schemaResolver } from '@/lib/form';
import { useCreateUser } from '../api/create-user';
import { paths } from '@/config/paths';

// An empty password box means "make a one-time code instead".
const newUserFormSchema = createUserSchema.extend({
  password: z.preprocess((v) => (v === '' ? undefined : v), passwordSchema.optional()),
});
type NewUserForm = { username: string; displayName: string; role: string; locale: string; password: string };
type NewUserValues = z.output<typeof newUserFormSchema>;

const EMPTY: NewUserForm = { username: '', displayName: '', role: 'learner', locale: 'ko', password: '' };

export function NewUserPage() {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const form = useForm<NewUserForm, unknown, NewUserValues>({
    resolver: schemaResolver(newUserFormSchema as unknown as z.ZodType<NewUserValues, NewUserForm>),
    defaultValues: EMPTY,
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      setCreated(await create.mutateAsync(values));
      form.reset(EMPTY);
    } catch (error) {
      if (!isApiError(error)) return;
      applyServerFieldErrors(error, form.setError, ['username', 'displayName', 'role', 'locale', 'password']);
      if (error.code === 'username_taken') {
        form.setError('username', { type: 'server', message: encodeMessage({ key: 'errors.username_taken' }) });
      }
      if (error.code === 'password_too_common') {
        form.setError('password', { type: 'server', message: encodeMessage({ key: 'errors.password_too_common' }) });
      }
    }
  });

  return (
    <Page title={t('newUser.title')}>
      <p>
        <Link to={paths.admin.users}>{t('adminUsers.backToList')}</Link>
      </p>
      <StatusMessage>{created ? t('newUser.created', { name: created.user.displayName }) : null}</StatusMessage>
      {created ? (
        <div className="card">
          {created.resetCode ? (
            <OneTimeCode code={created.resetCode} forName={created.user.displayName} username={created.user.username} />
          ) : null}
          <p>
            <Link to={paths.admin.user(created.user.id)}>
              {t('newUser.openCreated', { name: created.user.displayName })}
            </Link>
          </p>
        </div>
      ) : null}
      <form className="form card" noValidate onSubmit={(e) => void onSubmit(e)}>
        <ErrorAlert error={create.error} />
        <TextField
          label={t('fields.username')}
          hint={t('newUser.usernameHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.username}
          {...form.register('username')}
        />
        <TextField
          label={t('fields.displayName')}
          hint={t('fields.displayNameHint')}
          autoComplete="off"
          error={errors.displayName}
          {...form.register('displayName')}
        />
        <SelectField label={t('fields.role')} error={errors.role} {...form.register('role')}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('fields.language')} error={errors.locale} {...form.register('locale')}>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={HTML_LANG[locale]}>
              {LANGUAGE_NAMES[locale]}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('newUser.password')}
          hint={t('newUser.passwordHint')}
          type="password"
          autoComplete="new-password"
          error={errors.password}
          {...form.register('password')}
        />
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {t('newUser.submit')}
        </button>
      </form>
    </Page>
  );
}
