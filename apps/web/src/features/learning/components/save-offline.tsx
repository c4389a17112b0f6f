import type { PublishedCourse } from '@dari/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canSaveOffline, savedVersion, saveForOffline } from '../offline/save-for-offline';

/** "Save for offline": the whole course on the phone, to read without a connection. */
export function SaveOffline({ userId, course }: { userId: string; course: PublishedCourse }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>(() =>
    savedVersion(userId, course.slug) === course.version ? 'saved' : 'idle',
  );
  if (!canSaveOffline()) return null;
  return (
    <div className="save-offline">
      <div role="status" aria-live="polite">
        {state === 'saved' ? (
          <p className="state-done">
            <span aria-hidden="true">✓ </span>
            {t('learning.offline.saved')}
          </p>
        ) : null}
        {state === 'failed' ? <p className="field-error">{t('learning.offline.failed')}</p> : null}
      </div>
      {state !== 'saved' ? (
        <>
          <button
            type="button"
            className="button"
            disabled={state === 'saving'}
            onClick={() => {
              setState('saving');
              saveForOffline(userId, course).then(
                () => setState('saved'),
                () => setState('failed'),
              );
            }}
          >
            {state === 'saving' ? t('learning.offline.saving') : t('learning.offline.save')}
          </button>
          <p className="field-hint">{t('learning.offline.hint')}</p>
        </>
      ) : null}
    </div>
  );
}
