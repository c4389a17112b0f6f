import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TermLookup } from '@/components/markdown/glossary-context';
import { errorMessage } from '@/components/error-message';
import { useLocale } from '@/components/use-locale';
import { HTML_LANG } from '@/lib/format';
import { AskWordButton } from './ask-word';
import { SaveWordButton } from './save-word-button';
import { TermDetails } from './term-details';
import './glossary.css';
import { paths } from '@/config/paths';

interface TermButtonProps {
  term: string;
  /** Known to have no entry (the editor's flag or the lookup's answer). */
  unknown: boolean;
  lookup: TermLookup;
  lessonId?: string;
  /** Learners may ask about unknown words; staff previews may not. */
  canAsk: boolean;
  children: ReactNode;
}

/**
 * A marked term in a lesson: a button that opens a non-modal dialog beside the text. Focus moves into it;
 * Esc or "close" returns focus to the word; a tap or click elsewhere closes it. Everything is made of
 * phrasing elements (spans), so it can sit inside a paragraph, a list item or a table cell.
 */
export function TermButton({ term, unknown, lookup, lessonId, canAsk, children }: TermButtonProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLSpanElement>(null);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return undefined;
    const dialog = dialogRef.current;
    dialog?.focus();
    // Keep the word in sight above the panel (on a phone the panel covers the bottom of the screen).
    const button = buttonRef.current;
    if (dialog && button && typeof button.getBoundingClientRect === 'function') {
      const panelTop = dialog.getBoundingClientRect().top;
      const wordBottom = button.getBoundingClientRect().bottom;
      if (panelTop > 0 && wordBottom > panelTop - 8 && typeof window.scrollBy === 'function')
        window.scrollBy({ top: wordBottom - panelTop + 24 });
    }
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && (dialog?.contains(target) || buttonRef.current?.contains(target))) return;
      setOpen(false);
    };
    // Esc also works when focus fell to the page (say, a button inside went away).
    const onDocumentKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const active = document.activeElement;
      if (active === document.body || active === null) close(true);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onDocumentKey);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onDocumentKey);
    };
  }, [open, close]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  };

  const entry = lookup.status === 'found' ? lookup.entry : null;
  const isUnknown = unknown || lookup.status === 'unknown';

  return (
    <span className="term-wrap">
      <button
        ref={buttonRef}
        type="button"
        className={isUnknown ? 'term term-button term-button-unknown' : 'term term-button'}
        aria-expanded={open}
        aria-controls={open ? `${id}-dialog` : undefined}
        aria-haspopup="dialog"
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <mark className={isUnknown ? 'term term-unknown' : 'term'} data-term={term}>
          {children}
        </mark>
      </button>
      {open ? (
        <span
          ref={dialogRef}
          id={`${id}-dialog`}
          className="term-popover"
          role="dialog"
          // The panel speaks the interface language, also inside a lesson read in another (its Korean term,
          // North Korean word, explanation and example carry lang="ko" themselves).
          lang={HTML_LANG[locale]}
          aria-labelledby={`${id}-title`}
          tabIndex={-1}
          onKeyDown={onKeyDown}
        >
          <span className="term-popover-head">
            <strong id={`${id}-title`} className="term-popover-title" lang="ko">
              {entry?.term ?? term}
            </strong>
            <button type="button" className="button button-secondary term-popover-close" onClick={() => close(true)}>
              {t('glossary.popover.close')}
            </button>
          </span>
          {lookup.status === 'loading' ? (
            <span className="term-line muted">{t('glossary.popover.loading')}</span>
          ) : null}
          {lookup.status === 'error' ? (
            <span className="term-line" role="alert">
              {errorMessage(t, lookup.error)}{' '}
              <button type="button" className="button button-secondary" onClick={lookup.retry}>
                {t('common.tryAgain')}
              </button>
            </span>
          ) : null}
          {entry ? (
            <>
              <TermDetails term={entry} />
              <span className="term-popover-actions">
                <SaveWordButton term={entry} />
                <Link to={paths.glossary.term(entry.id)} className="term-popover-link">
                  {t('glossary.popover.openInGlossary')}
                </Link>
              </span>
            </>
          ) : null}
          {isUnknown && !entry ? (
            <>
              <span className="term-line">{t('glossary.popover.unknown')}</span>
              {canAsk ? (
                <span className="term-popover-actions">
                  <AskWordButton text={term} lessonId={lessonId} />
                </span>
              ) : null}
            </>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}
