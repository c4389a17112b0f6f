import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { TextAreaField, TextField } from '@/components/fields';
import { isApiError } from '@/lib/api';
import { applyServerFieldErrors, schemaResolver } from '@/lib/form';
import { cohortFormSchema, type CohortFormInput, type CohortFormValues } from '../cohort-form.schema';

interface CohortFormProps {
  defaults: CohortFormInput;
  submitLabel: string;
  // May return a promise: the form stays busy until it settles.
  onSubmit: (values: CohortFormValues) => unknown;
}

/** Name, description and dates of a cohort: used to create one and to edit it. */
export function CohortForm({ defaults, submitLabel, onSubmit }: CohortFormProps) {
  const { t } = useTranslation();
  const form = useForm<CohortFormInput, unknown, CohortFormValues>({
    resolver: schemaResolver(cohortFormSchema as unknown as z.ZodType<CohortFormValues, CohortFormInput>),
    defaultValues: defaults,
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (error) {
      if (isApiError(error))
        applyServerFieldErrors(error, form.setError, ['name', 'description', 'startsOn', 'endsOn']);
    }
  });

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <TextField
        label={t('program.cohortForm.name')}
        hint={t('program.cohortForm.nameHint')}
        autoComplete="off"
        error={errors.name}
        {...form.register('name')}
      />
      <TextAreaField
        label={t('program.cohortForm.description')}
        rows={3}
        error={errors.description}
        {...form.register('description')}
      />
      <div className="form-pair">
        <TextField
          label={t('program.cohortForm.startsOn')}
          type="date"
          error={errors.startsOn}
          {...form.register('startsOn')}
        />
        <TextField
          label={t('program.cohortForm.endsOn')}
          type="date"
          error={errors.endsOn}
          {...form.register('endsOn')}
        />
      </div>
      <p>
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {submitLabel}
        </button>
      </p>
    </form>
  );
}
