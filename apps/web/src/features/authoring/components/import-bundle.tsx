import { useId, useRef, useState } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/alerts';
import { TextField } from '@/components/fields';
import { isApiError, type ApiError } from '@/lib/api';
import { encodeMessage } from '@/lib/form';
import { useImportBundle } from '../api/import-bundle';
import { paths } from '@/config/paths';

/** The message at the address-name field, if the API's answer is about it. */
function slugError(error: unknown): FieldError | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'slug_taken') return { type: 'server', message: encodeMessage({ key: 'importBundle.slugTaken' }) };
  if (error.fields.some((f) => f.path === 'query.slug'))
    return { type: 'server', message: encodeMessage({ key: 'validation.slugFormat' }) };
  return undefined;
}

/**
 * The files of the bundle a problem is in ("lessons/l1.quiz.json"), never the field paths inside them or
 * the API's English wording: people see which file to open, in their own language.
 */
export function bundleProblemFiles(error: ApiError): string[] {
  if (error.code !== 'invalid_bundle') return [];
  const files = error.fields.map(
    (f) =>
      /^(course\.json|lessons\/[a-z0-9-]+\.(?:ko|en|zh)\.md|lessons\/[a-z0-9-]+\.(?:quiz|media)\.json|media\/[a-z0-9][a-z0-9._-]*)/.exec(
        f.path,
      )?.[1] ?? null,
  );
  return [...new Set(files.filter((f): f is string => f !== null))];
}

/** A course bundle (.zip from another Dari, or from git) becomes a new draft. */
export function ImportBundle() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const importer = useImportBundle();
  const [file, setFile] = useState<File | null>(null);
  const [slug, setSlug] = useState('');
  const slugInput = useRef<HTMLInputElement>(null);
  const error = importer.error;
  const files = isApiError(error) ? bundleProblemFiles(error) : [];
  const unnamed = isApiError(error) && error.code === 'invalid_bundle' && error.fields.length > files.length;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('importBundle.title')}</h2>
      <p>{t('importBundle.explain')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          importer.mutate(
            { file, slug: slug.trim() || undefined },
            {
              onSuccess: (course) => void navigate(paths.teach.course(course.id)),
              onError: (err) => {
                // Imported back onto the server it came from: offer the free name the API suggests.
                if (isApiError(err) && err.code === 'slug_taken' && err.suggestedSlug) {
                  setSlug(err.suggestedSlug);
                  slugInput.current?.focus();
                }
              },
            },
          );
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('importBundle.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".zip,application/zip"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <TextField
          ref={slugInput}
          label={t('importBundle.slug')}
          hint={t('importBundle.slugHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          translate="no"
          value={slug}
          error={slugError(error)}
          onChange={(e) => setSlug(e.target.value)}
        />
        {error && !slugError(error) ? (
          <ErrorAlert error={error}>
            {files.length > 0 || unnamed ? (
              <ul>
                {files.map((f) => (
                  <li key={f}>
                    {t('importBundle.problemIn')} <code translate="no">{f}</code>
                  </li>
                ))}
                {unnamed ? <li>{t('importBundle.problemElsewhere')}</li> : null}
              </ul>
            ) : null}
          </ErrorAlert>
        ) : null}
        <button type="submit" className="button" disabled={!file || importer.isPending}>
          {importer.isPending ? t('importBundle.importing') : t('importBundle.submit')}
        </button>
      </form>
    </section>
  );
}
