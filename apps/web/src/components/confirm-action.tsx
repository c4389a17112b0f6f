import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmActionProps {
  /** The button that asks first. */
  label: string;
  /** The question shown before doing it. */
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  danger?: boolean;
  disabled?: boolean;
}

/** A two-step button: nothing irreversible happens on a single tap. */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending,
  danger,
  disabled,
}: ConfirmActionProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const tone = danger ? 'button button-danger' : 'button';

  if (!asking) {
    return (
      <button type="button" className={tone} onClick={() => setAsking(true)} disabled={disabled}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p>{question}</p>
      <div className="button-row">
        <button
          type="button"
          className={tone}
          disabled={pending}
          onClick={() => {
            onConfirm();
            setAsking(false);
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
