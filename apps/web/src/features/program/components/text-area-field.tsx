import { useId, type ComponentProps, type ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { FieldMessageText } from '../../../components/fields';

type TextAreaProps = Omit<ComponentProps<'textarea'>, 'id'> & { label: string; hint?: ReactNode; error?: FieldError };

/** A labelled text area with hint and error, like the shared TextField. */
export function TextAreaField({ label, hint, error, ...textarea }: TextAreaProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <textarea id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...textarea} />
      <FieldMessageText id={`${id}-error`} error={error} />
    </div>
  );
}
