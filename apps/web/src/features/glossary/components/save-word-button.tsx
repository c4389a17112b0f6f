import type { GlossaryTerm } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/error-message';
import { useToggleWord } from '../api/word-list';

/** A toggle (aria-pressed): the label stays the same, the state is announced and shown with a check. */
export function SaveWordButton({ term, className }: { term: GlossaryTerm; className?: string }) {
  const { t } = useTranslation();
  const toggle = useToggleWord();
  const saved = toggle.isPending ? toggle.variables.save : term.saved;
  return (
    <span className="save-word">
      <button
        type="button"
        className={`button save-word-button${saved ? ' is-saved' : ''}${className ? ` ${className}` : ''}`}
        aria-pressed={saved}
        // Not `disabled` while saving: a disabled button loses focus, and the popover around it its keyboard.
        aria-disabled={toggle.isPending || undefined}
        onClick={() => {
          if (!toggle.isPending) toggle.mutate({ term, save: !term.saved });
        }}
      >
        <span className="save-word-mark" aria-hidden="true">
          {saved ? '✓' : '+'}
        </span>{' '}
        {t('glossary.save.toggle')}
      </button>
      <span className="visually-hidden" role="status">
        {toggle.isSuccess ? (toggle.variables.save ? t('glossary.save.saved') : t('glossary.save.removed')) : null}
      </span>
      {toggle.isError ? (
        <span className="field-error term-line" role="alert">
          {errorMessage(t, toggle.error)}
        </span>
      ) : null}
    </span>
  );
}
