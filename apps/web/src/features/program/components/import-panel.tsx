import type { Cohort } from '@dari/contracts';
import { useId, useState, type ChangeEvent, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { TextAreaField } from '@/components/fields';
import { isApiError } from '@/lib/api';
import { useImportLearners, type ImportedLearner } from '../api/import-learners';
import { CSV_REFUSAL_KEYS, decodeCsvBytes } from '../csv-file';
import { importProblems } from '../import-errors';
import { ImportSlips } from './import-slips';

/** Many learner accounts at once: all rows are checked first, and nothing is made if one is wrong. */
export function ImportPanel({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const id = useId();
  const importing = useImportLearners(cohort.id);
  const [csv, setCsv] = useState('');
  const [created, setCreated] = useState<ImportedLearner[] | null>(null);
  // The message key of a file that could not be read, and how the last file was read.
  const [fileError, setFileError] = useState<string | null>(null);
  const [readAs, setReadAs] = useState<{ file: string; encoding: 'utf-8' | 'cp949' } | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileError(null);
    setReadAs(null);
    if (!file) return;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      setFileError('program.import.fileUnreadable');
      return;
    }
    // Bytes, not file.text(): a CP949 file from Korean Excel would otherwise lose its names silently.
    const decoded = decodeCsvBytes(bytes);
    if (!decoded.ok) {
      setCsv('');
      setFileError(CSV_REFUSAL_KEYS[decoded.reason]);
      return;
    }
    setCsv(decoded.text);
    setReadAs({ file: file.name, encoding: decoded.encoding });
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!csv.trim()) return;
    setCreated(null);
    importing.mutate(csv, {
      onSuccess: (result) => {
        setCreated(result.created);
        setCsv('');
        setReadAs(null);
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
              {fileError ? (
                <p className="field-error" role="alert">
                  {t(fileError)}
                </p>
              ) : null}
            </div>
            {readAs ? (
              <p className="alert alert-info" data-testid="read-as">
                {t(readAs.encoding === 'cp949' ? 'program.import.readAsCp949' : 'program.import.readAsUtf8', {
                  file: readAs.file,
                })}{' '}
                {t('program.import.checkNames')}
              </p>
            ) : null}
            <TextAreaField
              label={t('program.import.paste')}
              hint={t('program.import.pasteHint')}
              rows={8}
              className="csv-input"
              spellCheck={false}
              value={csv}
              onChange={(e) => {
                setCsv(e.target.value);
                setReadAs(null);
              }}
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
