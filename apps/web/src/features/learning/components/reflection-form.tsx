import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordEvent } from '../queue/event-queue';
import { newEvent } from '../queue/learning-queue';

interface ReflectionFormProps {
  lessonId: string;
  /** What the learner wrote before (the journal, or what is still waiting to sync). */
  initial: { text: string; shared: boolean } | null;
  record: RecordEvent;
}

/** The learner's private answer, kept in their journal; shared with the instructor only if they choose. */
export function ReflectionForm({ lessonId, initial, record }: ReflectionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(initial?.text ?? '');
  const [shared, setShared] = useState(initial?.shared ?? false);
  const [saved, setSaved] = useState<'answered' | 'queued' | 'refused' | null>(null);
  const [saving, setSaving] = useState(false);

  return (
    <form
      className="form reflection-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        void record(newEvent('reflection_saved', lessonId, { text, shared }))
          .then((outcome) =>
            setSaved(
              outcome.state === 'queued' ? 'queued' : outcome.result.status === 'rejected' ? 'refused' : 'answered',
            ),
          )
          .finally(() => setSaving(false));
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('learning.reflection.label')}</label>
        <p id={`${id}-hint`} className="field-hint">
          {t('learning.reflection.private')}
        </p>
        <textarea
          id={`${id}-text`}
          rows={6}
          maxLength={20_000}
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(null);
          }}
        />
      </div>
      <div className="field field-checkbox">
        <input
          id={`${id}-shared`}
          type="checkbox"
          checked={shared}
          aria-describedby={`${id}-shared-hint`}
          onChange={(e) => {
            setShared(e.target.checked);
            setSaved(null);
          }}
        />
        <label htmlFor={`${id}-shared`}>{t('learning.reflection.share')}</label>
        <p id={`${id}-shared-hint`} className="field-hint">
          {t('learning.reflection.shareHint')}
        </p>
      </div>
      <div role="status" aria-live="polite">
        {saved === 'answered' ? <p className="alert alert-success">{t('learning.reflection.saved')}</p> : null}
        {saved === 'queued' ? <p className="alert alert-info">{t('learning.reflection.queued')}</p> : null}
      </div>
      {saved === 'refused' ? (
        <p className="alert alert-error" role="alert">
          {t('learning.reflection.refused')}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={saving || !text.trim()}>
          {t('learning.reflection.save')}
        </button>
      </div>
    </form>
  );
}
