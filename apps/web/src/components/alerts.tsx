import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api';
import { errorMessage } from './error-message';
import { Page } from './page';

/** An error announced at once (role="alert"), translated by the error's code. */
export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorMessage(t, error)}</p>
      {/* The reference helps an admin find a server failure in the logs; for a person's own mistake it is noise. */}
      {isApiError(error) && error.requestId && error.status >= 500 ? (
        <p className="alert-detail">{t('errors.reference', { id: error.requestId })}</p>
      ) : null}
      {children}
    </div>
  );
}

/**
 * A polite live region: it is always in the page so screen readers notice when text appears in it.
 */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div className="status-region" role="status" aria-live="polite">
      {children ? <p className="alert alert-success">{children}</p> : null}
    </div>
  );
}

/** A failed load, with a way to try again; says so plainly when the phone is offline. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorAlert error={error}>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </ErrorAlert>
  );
}

/** A whole page that could not load (for instance, offline), with its own heading. */
export function LoadErrorPage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Page title={t('errorPage.loadTitle')}>
      <LoadError error={error} onRetry={onRetry} />
    </Page>
  );
}
