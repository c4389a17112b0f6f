import type { ResetCode } from '@dari/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { useLocale } from './use-locale';

/** A one-time code made for someone: shown once, in large print, with a note to hand it over. */
export function OneTimeCode({ code, forName }: { code: ResetCode; forName: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code.code);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <section className="one-time-code" aria-labelledby="one-time-code-title">
      <h2 id="one-time-code-title">{t('oneTimeCode.title', { name: forName })}</h2>
      <p className="code-value" translate="no" data-testid="one-time-code">
        {code.code}
      </p>
      <p>{t('oneTimeCode.handOver', { name: forName })}</p>
      <p>
        <strong>{t('oneTimeCode.onlyOnce')}</strong>{' '}
        {t('oneTimeCode.expires', { date: formatDateTime(code.expiresAt, locale) })}
      </p>
      <button type="button" className="button" onClick={() => void copy()}>
        {t('oneTimeCode.copy')}
      </button>
      <p role="status" aria-live="polite" className="copy-status">
        {copied === 'yes' ? t('oneTimeCode.copied') : copied === 'no' ? t('oneTimeCode.copyFailed') : null}
      </p>
    </section>
  );
}
