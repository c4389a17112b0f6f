import type { CredentialState } from '@dari/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { ConfirmAction } from '@/components/confirm-action';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import { credentialDownloads, useCredentialActions } from '../api/learner-credential';
import '../credentials.css';

interface CredentialPanelProps {
  certificateId: string;
  credential: CredentialState;
  /** Refreshes the certificate (and so `credential`) after a withdrawal or a new issue. */
  onChanged: () => unknown;
}

/**
 * The learner's Open Badges credential for one certificate: where it stands, the downloads (the JSON,
 * and badge images with it baked in), withdrawing it (which revokes it for anyone holding it) and
 * asking for it again. An admin's revocation is final here: the learner cannot ask again.
 */
export function CredentialPanel({ certificateId, credential, onChanged }: CredentialPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const { withdraw, issue } = useCredentialActions(certificateId, onChanged);
  const [said, setSaid] = useState<'withdrawn' | 'issued' | null>(null);
  const downloads = credentialDownloads(certificateId);
  const { state } = credential;

  const stateText =
    state === 'issued'
      ? t('credentials.panel.state.issued', {
          date: credential.issuedAt ? formatDate(credential.issuedAt, locale) : '',
        })
      : t(`credentials.panel.state.${state}`);

  return (
    <section className="card credential-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('credentials.panel.title')}</h2>
      <p>{t('credentials.panel.intro')}</p>
      <dl className="facts">
        <div>
          <dt>{t('credentials.panel.stateLabel')}</dt>
          <dd className={`credential-state credential-state-${state}`}>{stateText}</dd>
        </div>
      </dl>
      <StatusMessage>
        {said === 'withdrawn' ? t('credentials.panel.withdrawDone') : null}
        {said === 'issued' ? t('credentials.panel.issueDone') : null}
      </StatusMessage>
      <ErrorAlert error={withdraw.error ?? issue.error} />

      {state === 'issued' ? (
        <>
          <h3 id={`${id}-downloads`}>{t('credentials.panel.downloads')}</h3>
          <p className="field-hint">{t('credentials.panel.downloadsHint')}</p>
          <ul className="credential-downloads" aria-labelledby={`${id}-downloads`}>
            <li>
              <a className="button button-primary" href={downloads.json} download>
                {t('credentials.panel.downloadJson')}
              </a>
            </li>
            <li>
              <a className="button button-secondary" href={downloads.png} download>
                {t('credentials.panel.downloadPng')}
              </a>
            </li>
            <li>
              <a className="button button-secondary" href={downloads.svg} download>
                {t('credentials.panel.downloadSvg')}
              </a>
            </li>
          </ul>
          <ConfirmAction
            label={t('credentials.panel.withdraw')}
            question={t('credentials.panel.withdrawQuestion')}
            confirmLabel={t('credentials.panel.withdrawConfirm')}
            danger
            pending={withdraw.isPending}
            onConfirm={() => {
              setSaid(null);
              issue.reset();
              withdraw.mutate(undefined, { onSuccess: () => setSaid('withdrawn') });
            }}
          />
        </>
      ) : null}

      {state === 'none' || state === 'withdrawn' ? (
        <p>
          <button
            type="button"
            className="button button-primary"
            disabled={issue.isPending}
            onClick={() => {
              setSaid(null);
              withdraw.reset();
              issue.mutate(undefined, { onSuccess: () => setSaid('issued') });
            }}
          >
            {state === 'none' ? t('credentials.panel.issue') : t('credentials.panel.issueAgain')}
          </button>
        </p>
      ) : null}

      {state === 'revoked' ? <p className="muted">{t('credentials.panel.revokedHelp')}</p> : null}

      <p>
        <Link to={paths.verifyFile}>{t('credentials.panel.checkFile')}</Link>
      </p>
    </section>
  );
}
