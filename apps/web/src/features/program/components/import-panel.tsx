import type { Cohort } from '@dari/contracts';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../../components/alerts';
import { isApiError } from '../../../lib/api';
import { useImportLearners, type ImportedLearner } from '../api/import-learners';
import { importProblems } from '../import-errors';
import { ImportSlips } from './import-slips';
import { TextAreaField } from './text-area-field';

/** Many learner accounts at once: all rows are checked first, and nothing is made if one is wrong. */
export function ImportPanel({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const id = useId();
  const importing = useImportLearners(cohort.id);
  const [csv, setCsv] = useState('');
  const [created, setCreated] = useState<ImportedLearner[] | null>(null);
  const [fileError, setFileError] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileError(false);
    if (!file) return;
    try {
      setCsv(await file.text());
    } catch {
      setFileError(true);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!csv.trim()) return;
    setCreated(null);
    importing.mutate(csv, {
      onSuccess: (result) => {
        setCreated(result.created);
        setCsv('');
      },
    });
  };

  const error = importing.error;
  const problems = isApiError(error) && error.code === 'validation_failed' ? importProblems(error.fields) : [];

  return (
    <>
      <StatusMessage>{created ? t('program.import.done', { count: created.length }) : null}</StatusMessage>
      {created ? (
        <ImportSlips cohortName={cohort.name} learners={created} onClose={() => setCreated(null)} />
      ) : (
        <>
          <p>{t('program.import.intro')}</p>
          <details className="card">
            <summary>{t('program.import.formatTitle')}</summary>
            <p>{t('program.import.formatBody')}</p>
            <pre className="csv-sample" translate="no">
              {t('program.import.sample')}
            </pre>
          </details>
          <form className="form" onSubmit={onSubmit}>
            {problems.length > 0 ? (
              <div className="alert alert-error" role="alert">
                <p>{t('program.import.problems', { count: problems.length })}</p>
                <ul className="import-problems">
                  {problems.map((p, i) => (
                    <li key={i}>
                      {p.line !== null ? <strong>{t('program.import.line', { line: p.line })}</strong> : null}
                      {p.field ? ` ${t(`program.import.fields.${p.field}`)}: ` : ' '}
                      {p.reason ? t(p.reason.key, p.reason.values ?? {}) : <span lang="en">{p.detail}</span>}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <ErrorAlert error={error} />
            )}
            <div className="field">
              <label htmlFor={`${id}-file`}>{t('program.import.file')}</label>
              <input id={`${id}-file`} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e)} />
              {fileError ? <p className="field-error">{t('program.import.fileUnreadable')}</p> : null}
            </div>
            <TextAreaField
              label={t('program.import.paste')}
              hint={t('program.import.pasteHint')}
              rows={8}
              className="csv-input"
              spellCheck={false}
              value={csv}
              onChange={(e) => setCsv(e.target.value)}
            />
            <p>
              <button type="submit" className="button button-primary" disabled={importing.isPending || !csv.trim()}>
                {t('program.import.submit')}
              </button>
            </p>
          </form>
        </>
      )}
    </>
  );
}
