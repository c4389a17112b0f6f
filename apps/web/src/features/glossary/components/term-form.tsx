import { GLOSSARY_TAGS, type GlossaryTermEntry } from '@dari/contracts';
import { useId } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert } from '@/components/alerts';
import { FieldMessageText, TextAreaField, TextField } from '@/components/fields';
import { isApiError } from '@/lib/api';
import { applyServerFieldErrors, encodeMessage, schemaResolver } from '@/lib/form';
import {
  FIELDS,
  termFormSchema,
  toEntry,
  toFormValues,
  type SaveTerm,
  type TermFormOutput,
  type TermFormValues,
} from './term-form.schema';
import './glossary.css';

interface TermFormProps {
  initial?: Partial<GlossaryTermEntry>;
  submitLabel: string;
  /** Saves the entry; an ApiError thrown here is shown beside the fields it names. */
  onSave: SaveTerm;
  pending?: boolean;
  error?: unknown;
}

/** Every field of a glossary term, for staff: create, edit, or answer a word request with a new term. */
export function TermForm({ initial, submitLabel, onSave, pending, error }: TermFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const form = useForm<TermFormValues, unknown, TermFormOutput>({
    resolver: schemaResolver(termFormSchema as unknown as z.ZodType<TermFormOutput, TermFormValues>),
    defaultValues: toFormValues(initial),
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await onSave(toEntry(values));
    } catch (e) {
      if (!isApiError(e)) return;
      if (e.code === 'conflict')
        form.setError('term', { type: 'server', message: encodeMessage({ key: 'glossary.form.termTaken' }) });
      applyServerFieldErrors(e, form.setError, FIELDS);
      for (const field of e.fields) {
        const lng = /^body\.gloss\.(en|zh)$/.exec(field.path)?.[1];
        if (lng) {
          form.setError(lng === 'en' ? 'glossEn' : 'glossZh', {
            type: 'server',
            message: encodeMessage({ key: 'validation.server', values: { detail: field.message } }),
          });
        }
      }
    }
  });

  const tagError = errors.tags as FieldError | undefined;
  return (
    <form className="form card term-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      {/* A taken term is said beside the field. */}
      <ErrorAlert error={isApiError(error) && error.code === 'conflict' ? null : error} />
      <TextField
        label={t('glossary.form.term')}
        lang="ko"
        autoComplete="off"
        error={errors.term}
        {...form.register('term')}
      />
      <TextField
        label={t('glossary.form.northKorean')}
        hint={t('glossary.form.northKoreanHint')}
        lang="ko"
        autoComplete="off"
        error={errors.northKorean}
        {...form.register('northKorean')}
      />
      <TextAreaField
        rows={3}
        label={t('glossary.form.explanation')}
        hint={t('glossary.form.explanationHint')}
        lang="ko"
        error={errors.explanation}
        {...form.register('explanation')}
      />
      <TextField
        label={t('glossary.form.glossEn')}
        lang="en"
        autoComplete="off"
        error={errors.glossEn}
        {...form.register('glossEn')}
      />
      <TextField
        label={t('glossary.form.glossZh')}
        lang="zh-Hans"
        autoComplete="off"
        error={errors.glossZh}
        {...form.register('glossZh')}
      />
      <TextAreaField
        rows={3}
        label={t('glossary.form.example')}
        hint={t('glossary.form.exampleHint')}
        lang="ko"
        error={errors.example}
        {...form.register('example')}
      />
      <fieldset aria-describedby={tagError ? `${id}-tags-error` : undefined}>
        <legend>{t('glossary.form.tags')}</legend>
        <div className="checkbox-grid">
          {GLOSSARY_TAGS.map((tag) => (
            <label key={tag} className="choice">
              <input
                type="checkbox"
                value={tag}
                aria-invalid={Boolean(tagError) || undefined}
                {...form.register('tags')}
              />
              <span>{t(`glossary.tags.${tag}`)}</span>
            </label>
          ))}
        </div>
        <FieldMessageText id={`${id}-tags-error`} error={tagError} />
      </fieldset>
      <TextField
        label={t('glossary.form.related')}
        hint={t('glossary.form.relatedHint')}
        lang="ko"
        autoComplete="off"
        error={errors.related}
        {...form.register('related')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
