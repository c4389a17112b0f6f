import type { CredentialVerification, Locale } from '@dari/contracts';
import { useId, useRef, useState, type ChangeEvent, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/alerts';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import { credentialFromFile, isCompactJws, parseCredential, type ExtractFailure } from '../baked';
import { useVerifyCredential } from '../api/verify-credential';
import '../credentials.css';

type Problem = 'nothing' | ExtractFailure;
const PROBLEM_KEY: Record<Problem, string> = {
  nothing: 'credentials.verifyFile.nothing',
  'too-large': 'credentials.verifyFile.tooLarge',
  'no-credential': 'credentials.verifyFile.noCredential',
  unreadable: 'credentials.verifyFile.unreadable',
};
/** What the page says: the server's result, or `unsupported` for a format it cannot check (a compact JWS). */
type Shown = CredentialVerification['result'] | 'unsupported';
const RESULT_KEY: Record<Shown, string> = {
  valid: 'credentials.verifyFile.result.valid',
  tampered: 'credentials.verifyFile.result.tampered',
  revoked: 'credentials.verifyFile.result.revoked',
  expired: 'credentials.verifyFile.result.expired',
  'unknown-issuer': 'credentials.verifyFile.result.unknownIssuer',
  malformed: 'credentials.verifyFile.result.malformed',
  unsupported: 'credentials.verifyFile.result.unsupported',
};

/** A date from the file: shown as written when it is not a date at all. */
function dateText(value: string, locale: Locale): string {
  return Number.isNaN(Date.parse(value)) ? value : formatDate(value, locale);
}

/** The course's name in the reader's language when the credential has it, else in its own language. */
function courseName(achievement: NonNullable<CredentialVerification['achievement']>, locale: Locale) {
  const same = (language: string) => language.toLowerCase().split('-')[0] === locale;
  const edition = achievement.languages?.find((l) => same(l.language));
  return edition
    ? { text: edition.name, lang: edition.language }
    : { text: achievement.name, lang: achievement.language };
}

/**
 * Public: is this credential file real? A .json credential, or a badge image with one baked in (read on
 * the phone: only the credential text is sent). Says plainly what the server found, and what the file
 * claims — issuer, name, course, date — marked as unproven unless the credential is valid.
 */
export function VerifyFilePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const verify = useVerifyCredential();
  const [pasted, setPasted] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  // Text that is not a JSON object is "not a credential" (or, a compact JWS, "not supported") without asking the server.
  const [local, setLocal] = useState<'malformed' | 'unsupported' | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const check = (text: string) => {
    setProblem(null);
    verify.reset();
    const credential = parseCredential(text);
    setLocal(credential ? null : isCompactJws(text) ? 'unsupported' : 'malformed');
    if (credential) verify.mutate(credential);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setLocal(null);
    verify.reset();
    if (!file) return;
    setFileName(file.name);
    const extracted = await credentialFromFile(file);
    if (extracted.ok) check(extracted.text);
    else setProblem(extracted.reason);
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setFileName(null);
    if (fileInput.current) fileInput.current.value = '';
    if (!pasted.trim()) {
      setLocal(null);
      verify.reset();
      setProblem('nothing');
      return;
    }
    check(pasted);
  };

  const result: (Omit<CredentialVerification, 'result'> & { result: Shown }) | undefined = local
    ? { result: local }
    : verify.data;
  const valid = result?.result === 'valid';
  const hasFacts = Boolean(result && (result.issuer || result.name || result.achievement || result.issuedAt));

  return (
    <Page title={t('credentials.verifyFile.title')} className="page-narrow verify-file-page">
      <p>{t('credentials.verifyFile.intro')}</p>
      <form className="form" noValidate onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('credentials.verifyFile.fileLabel')}</label>
          <p id={`${id}-file-hint`} className="field-hint">
            {t('credentials.verifyFile.fileHint')}
          </p>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept=".json,.jsonld,.png,.svg,application/json,application/ld+json,image/png,image/svg+xml"
            aria-describedby={`${id}-file-hint`}
            onChange={(e) => void onFile(e)}
          />
          {fileName ? <p className="muted">{t('credentials.verifyFile.chosen', { name: fileName })}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-paste`}>{t('credentials.verifyFile.pasteLabel')}</label>
          <p id={`${id}-paste-hint`} className="field-hint">
            {t('credentials.verifyFile.pasteHint')}
          </p>
          <textarea
            id={`${id}-paste`}
            className="credential-paste"
            rows={5}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            value={pasted}
            aria-describedby={`${id}-paste-hint`}
            onChange={(e) => setPasted(e.target.value)}
          />
        </div>
        <p>
          <button type="submit" className="button button-primary" disabled={verify.isPending}>
            {t('credentials.verifyFile.submit')}
          </button>
        </p>
      </form>

      {problem ? (
        <div className="alert alert-error" role="alert">
          <p>{t(PROBLEM_KEY[problem])}</p>
        </div>
      ) : null}
      <ErrorAlert error={verify.error} />

      {/* Always in the page, so a screen reader says the result when it arrives. */}
      <div role="status" aria-live="polite" className="status-region">
        {verify.isPending ? <p>{t('credentials.verifyFile.checking')}</p> : null}
        {result ? (
          <p className={valid ? 'credential-result credential-valid' : 'credential-result credential-invalid'}>
            <span aria-hidden="true">{valid ? '✓ ' : '✗ '}</span>
            <strong>{t(RESULT_KEY[result.result])}</strong>
          </p>
        ) : null}
      </div>
      {result && hasFacts ? (
        <section className="card" aria-label={t('credentials.verifyFile.resultLabel')}>
          {valid ? null : <p className="muted">{t('credentials.verifyFile.unproven')}</p>}
          <dl className="facts">
            {result.issuer ? (
              <div>
                <dt>{t('credentials.verifyFile.issuer')}</dt>
                <dd>
                  {result.issuer.name}
                  {/* As text, not a link: a file can name any address. */}
                  {result.issuer.url ? <span className="credential-url">{result.issuer.url}</span> : null}
                </dd>
              </div>
            ) : null}
            {result.name ? (
              <div>
                <dt>{t('credentials.verifyFile.name')}</dt>
                <dd>{result.name}</dd>
              </div>
            ) : null}
            {result.achievement ? (
              <div>
                <dt>{t('credentials.verifyFile.course')}</dt>
                <dd lang={courseName(result.achievement, locale).lang}>
                  {courseName(result.achievement, locale).text}
                </dd>
              </div>
            ) : null}
            {result.issuedAt ? (
              <div>
                <dt>{t('credentials.verifyFile.date')}</dt>
                <dd>{dateText(result.issuedAt, locale)}</dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}
      <p>
        <Link to={paths.verify()}>{t('credentials.verifyFile.byCode')}</Link>
      </p>
    </Page>
  );
}
