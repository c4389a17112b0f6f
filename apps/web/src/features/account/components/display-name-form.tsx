import { displayNameSchema, type Me } from '@dari/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert, StatusMessage } from '../../../components/alerts';
import { TextField } from '../../../components/fields';
import { isApiError } from '../../../lib/api';
import { applyServerFieldErrors, schemaResolver } from '../../../lib/form';
import { useUpdateMe } from '../api/update-me';

const displayNameFormSchema = z.strictObject({ displayName: displayNameSchema });
type DisplayNameForm = z.input<typeof displayNameFormSchema>;

export function DisplayNameForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const form = useForm<DisplayNameForm, unknown, z.output<typeof displayNameFormSchema>>({
    resolver: schemaResolver(displayNameFormSchema),
    defaultValues: { displayName: me.displayName },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(values);
      form.reset({ displayName: saved.displayName });
    } catch (error) {
      if (isApiError(error)) applyServerFieldErrors(error, form.setError, ['displayName']);
    }
  });

  return (
    <section className="card" aria-labelledby="display-name-title">
      <h2 id="display-name-title">{t('account.displayNameTitle')}</h2>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <ErrorAlert error={update.error} />
        <TextField
          label={t('fields.displayName')}
          hint={t('fields.displayNameHint')}
          autoComplete="nickname"
          error={form.formState.errors.displayName}
          {...form.register('displayName')}
        />
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {t('common.save')}
        </button>
      </form>
      <StatusMessage>
        {update.isSuccess && !form.formState.isDirty ? t('account.displayNameSaved') : null}
      </StatusMessage>
    </section>
  );
}
