import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/error-message';
import type { SaveState } from '../hooks/use-autosave';

interface SaveStatusProps {
  state: SaveState;
  error: unknown;
  onRetry: () => void;
  onReload: () => void;
  /** What the saved draft still lacks before it can be published, said with "saved". */
  warning?: string | null;
}

/** Where the draft stands, announced politely; a conflict offers the latest version instead of overwriting it. */
export function SaveStatus({ state, error, onRetry, onReload, warning }: SaveStatusProps) {
  const { t } = useTranslation();
  return (
    <div className="save-status" data-state={state}>
      <p role="status" aria-live="polite" className="save-status-text">
        {state === 'pending' || state === 'saving' ? t('autosave.saving') : null}
        {state === 'saved' ? (warning ? `${t('autosave.savedButUnfinished')} ${warning}` : t('autosave.saved')) : null}
        {state === 'error' ? `${t('autosave.notSaved')} ${errorMessage(t, error)}` : null}
        {state === 'invalid' ? t('autosave.invalid') : null}
      </p>
      {state === 'error' ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('autosave.retry')}
        </button>
      ) : null}
      {state === 'stale' ? (
        <div className="alert alert-error" role="alert">
          <p>{t('autosave.stale')}</p>
          <button type="button" className="button" onClick={onReload}>
            {t('autosave.reload')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
