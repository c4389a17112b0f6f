import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { learningQueue, usePendingEvents } from '../queue/learning-queue';

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** "N changes waiting to sync": shown while anything the learner did is still only on this phone. */
export function SyncStatus() {
  const { t } = useTranslation();
  const pending = usePendingEvents();
  const queue = learningQueue();
  const failing = useSyncExternalStore(queue.subscribe, queue.isFailing, queue.isFailing);
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
  // Events on their way out a moment after they happen are not news: only say so when they wait.
  const waiting = pending.length > 0 && (failing || !online);
  return (
    <div className="status-region" role="status" aria-live="polite">
      {waiting ? (
        <div className="sync-status">
          <p>
            <span aria-hidden="true">⇅ </span>
            {t('learning.sync.waiting', { count: pending.length })}{' '}
            <span className="muted">{online ? t('learning.sync.sendingSoon') : t('learning.sync.whenOnline')}</span>
          </p>
          {online ? (
            <button type="button" className="button button-secondary" onClick={() => void learningQueue().flush()}>
              {t('learning.sync.sendNow')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
