import type { FieldError, FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import type { ApiError } from './api';

/**
 * Field messages are stored as an i18n key plus values, and translated when shown,
 * so they follow a language switch. The contract schemas carry English messages;
 * we translate by what went wrong (the zod issue), not by those words.
 */
export interface FieldMessage {
  key: string;
  values?: Record<string, string | number>;
}

export function encodeMessage(message: FieldMessage): string {
  return JSON.stringify(message);
}

export function decodeMessage(raw: string | undefined): FieldMessage | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && typeof (parsed as FieldMessage).key === 'string') {
      return parsed as FieldMessage;
    }
  } catch {
    // not one of ours
  }
  return { key: 'validation.invalid' };
}

const FORMAT_KEYS: Record<string, string> = {
  username: 'validation.usernameFormat',
  code: 'validation.resetCodeFormat',
  slug: 'validation.slugFormat',
};

function issueMessage(issue: z.core.$ZodIssue): FieldMessage {
  const field = String(issue.path[issue.path.length - 1] ?? '');
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 && issue.origin === 'string'
        ? { key: 'validation.required' }
        : { key: 'validation.tooShort', values: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'validation.tooLong', values: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { key: FORMAT_KEYS[field] ?? 'validation.invalid' };
    case 'invalid_value':
      return { key: 'validation.choose' };
    case 'custom': {
      const key: unknown = issue.params?.['i18n'];
      return { key: typeof key === 'string' ? key : 'validation.invalid' };
    }
    default:
      return { key: 'validation.invalid' };
  }
}

type SchemaSource<TIn, TOut> = z.ZodType<TOut, TIn> | (() => Promise<z.ZodType<TOut, TIn>>);

/**
 * A react-hook-form resolver that validates with a contract schema and keeps translatable messages.
 * The schema may be given as a loader, so a page can show its form before zod has downloaded.
 */
export function schemaResolver<TIn extends FieldValues, TOut>(
  source: SchemaSource<TIn, TOut>,
): Resolver<TIn, unknown, TOut> {
  return async (values) => {
    let schema: z.ZodType<TOut, TIn>;
    try {
      schema = typeof source === 'function' ? await source() : source;
    } catch {
      // The validation code could not load (offline): let the API validate instead.
      return { values: values as unknown as TOut, errors: {} };
    }
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const name = issue.path.map(String).join('.') || 'root';
      errors[name] ??= { type: issue.code, message: encodeMessage(issueMessage(issue)) };
    }
    return { values: {}, errors: errors as FieldErrors<TIn> };
  };
}

/** Put the API's per-field validation messages next to the fields; returns true if any was placed. */
export function applyServerFieldErrors<T extends FieldValues>(
  error: ApiError,
  setError: UseFormSetError<T>,
  fieldNames: readonly Path<T>[],
): boolean {
  let placed = false;
  for (const field of error.fields) {
    const name = field.path.replace(/^body\./, '') as Path<T>;
    if (fieldNames.includes(name)) {
      setError(name, {
        type: 'server',
        message: encodeMessage({ key: 'validation.server', values: { detail: field.message } }),
      });
      placed = true;
    }
  }
  return placed;
}

/** A form field's text value ('' when the field is missing or holds a file). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/** Load a module once; a failed load is tried again next time. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
