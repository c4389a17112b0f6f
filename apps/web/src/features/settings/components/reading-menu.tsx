import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LINE_SPACINGS, TEXT_SIZES, useReadingSettings } from '../reading-settings';
import '../reading.css';

/** "글자 크기" in the header: text size and line spacing, for everyone, signed in or not. */
export function ReadingMenu() {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [settings, setSettings] = useReadingSettings();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    panelRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && (panelRef.current?.contains(target) || buttonRef.current?.contains(target))) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  return (
    <div className="reading-menu">
      <button
        ref={buttonRef}
        type="button"
        className="reading-toggle"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {t('reading.button')}
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={`${id}-panel`}
          className="reading-panel"
          role="group"
          aria-labelledby={`${id}-title`}
          onKeyDown={onKeyDown}
        >
          <h2 id={`${id}-title`}>{t('reading.title')}</h2>
          <fieldset className="plain-fieldset">
            <legend>{t('reading.size')}</legend>
            {TEXT_SIZES.map((size) => (
              <label key={size} className="choice">
                <input
                  type="radio"
                  name={`${id}-size`}
                  value={size}
                  checked={settings.size === size}
                  onChange={() => setSettings({ ...settings, size })}
                />
                <span>{t(`reading.sizes.${size}`)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="plain-fieldset">
            <legend>{t('reading.spacing')}</legend>
            {LINE_SPACINGS.map((spacing) => (
              <label key={spacing} className="choice">
                <input
                  type="radio"
                  name={`${id}-spacing`}
                  value={spacing}
                  checked={settings.spacing === spacing}
                  onChange={() => setSettings({ ...settings, spacing })}
                />
                <span>{t(`reading.spacings.${spacing}`)}</span>
              </label>
            ))}
          </fieldset>
          <p className="muted">{t('reading.remembered')}</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setOpen(false);
              buttonRef.current?.focus();
            }}
          >
            {t('reading.close')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
