import { useId, type ComponentProps, type ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { decodeMessage } from '../lib/form';

export function FieldMessageText({ id, error }: { id: string; error: FieldError | undefined }) {
  const { t } = useTranslation();
  const message = decodeMessage(error?.message);
  if (!error || !message) return null;
  return (
    <p id={id} className="field-error">
      {t(message.key, message.values ?? {})}
      {message.key === 'validation.server' && message.values?.['detail'] ? (
        <span lang="en"> ({message.values['detail']})</span>
      ) : null}
    </p>
  );
}

interface FieldShellProps {
  label: string;
  hint?: ReactNode;
  error: FieldError | undefined;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

function FieldShell({ label, hint, error, children }: FieldShellProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children({ inputId, describedBy, invalid: Boolean(error) })}
      <FieldMessageText id={errorId} error={error} />
    </div>
  );
}

type InputProps = Omit<ComponentProps<'input'>, 'id'> & {
  label: string;
  hint?: ReactNode;
  error: FieldError | undefined;
};

export function TextField({ label, hint, error, ...input }: InputProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {({ inputId, describedBy, invalid }) => (
        <input id={inputId} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />
      )}
    </FieldShell>
  );
}

type SelectProps = Omit<ComponentProps<'select'>, 'id'> & {
  label: string;
  hint?: ReactNode;
  error: FieldError | undefined;
};

export function SelectField({ label, hint, error, children, ...select }: SelectProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {({ inputId, describedBy, invalid }) => (
        <select id={inputId} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...select}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

type TextAreaProps = Omit<ComponentProps<'textarea'>, 'id'> & {
  label: string;
  hint?: ReactNode;
  error?: FieldError | undefined;
};

export function TextAreaField({ label, hint, error, ...textarea }: TextAreaProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {({ inputId, describedBy, invalid }) => (
        <textarea id={inputId} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...textarea} />
      )}
    </FieldShell>
  );
}

type CheckboxProps = Omit<ComponentProps<'input'>, 'id' | 'type'> & { label: string; hint?: ReactNode };

export function CheckboxField({ label, hint, ...input }: CheckboxProps) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input id={id} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
