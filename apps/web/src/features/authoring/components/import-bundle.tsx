import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/alerts';
import { useImportBundle } from '../api/import-bundle';

/** A course bundle (.zip from another Dari, or from git) becomes a new draft. */
export function ImportBundle() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const importer = useImportBundle();
  const [file, setFile] = useState<File | null>(null);
  const fields = importer.error && 'fields' in importer.error ? (importer.error as { fields: { path: string; message: string }[] }).fields : [];

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('importBundle.title')}</h2>
      <p>{t('importBundle.explain')}</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) importer.mutate(file, { onSuccess: (course) => void navigate(`/teach/courses/${course.id}`) });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('importBundle.file')}</label>
          <input id={`${id}-file`} type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <ErrorAlert error={importer.error}>
          {fields.length > 0 ? (
            <ul>
              {fields.map((f) => (
                <li key={`${f.path}-${f.message}`} lang="en">
                  <code>{f.path}</code> {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </ErrorAlert>
        <button type="submit" className="button" disabled={!file || importer.isPending}>
          {importer.isPending ? t('importBundle.importing') : t('importBundle.submit')}
        </button>
      </form>
    </section>
  );
}
