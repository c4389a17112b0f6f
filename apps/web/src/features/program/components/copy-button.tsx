import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies text and says so in a live region (or asks the person to copy it by hand). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <span className="copy">
      <button type="button" className="button button-secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {copied === 'yes' ? t('program.copied') : copied === 'no' ? t('program.copyFailed') : null}
      </span>
    </span>
  );
}
