import type { ResetCode } from '@dari/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKoreaDateTime } from '../lib/korea-time';
import { useLocale } from './use-locale';

/**
 * A one-time code made for someone: shown once, in large print, with a note to hand it over.
 * When it appears it takes the focus and scrolls into view, so on a phone the person who made it
 * sees it even when the page was scrolled down at a form. With `username`, the username the
 * person types beside the code is shown with it.
 */
export function OneTimeCode({ code, forName, username }: { code: ResetCode; forName: string; username?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    // jsdom has no scrollIntoView; browsers do.
    if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'start' });
  }, [code.code]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code.code);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="one-time-code"
      aria-labelledby="one-time-code-title"
      data-testid="one-time-code-box"
    >
      <h2 id="one-time-code-title">{t('oneTimeCode.title', { name: forName })}</h2>
      {username ? (
        <dl className="one-time-code-pair">
          <div>
            <dt>{t('fields.username')}</dt>
            <dd className="code-value" translate="no" data-testid="one-time-code-username">
              {username}
            </dd>
          </div>
          <div>
            <dt>{t('oneTimeCode.codeLabel')}</dt>
            <dd className="code-value" translate="no" data-testid="one-time-code">
              {code.code}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="code-value" translate="no" data-testid="one-time-code">
          {code.code}
        </p>
      )}
      <p>{t('oneTimeCode.handOver', { name: forName })}</p>
      {username ? <p>{t('oneTimeCode.typesBoth', { name: forName })}</p> : null}
      <p>
        <strong>{t('oneTimeCode.onlyOnce')}</strong>{' '}
        {t('oneTimeCode.expires', { date: formatKoreaDateTime(code.expiresAt, locale) })}
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
