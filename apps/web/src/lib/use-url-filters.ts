import type { SubmitEvent } from 'react';
import { useSearchParams } from 'react-router';

/** The page number in the address (`?page=`), 1 when missing or not a positive whole number. */
export function readPage(params: URLSearchParams): number {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return Number.isFinite(page) && page >= 1 ? page : 1;
}

/** A free-text filter from the address, trimmed and cut to `max` characters; undefined when empty. */
export function readText(params: URLSearchParams, key: string, max: number): string | undefined {
  return (params.get(key) ?? '').trim().slice(0, max) || undefined;
}

/** One of `allowed` from the address, or undefined. */
export function readChoice<T extends string>(
  params: URLSearchParams,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const value = params.get(key);
  return (allowed as readonly (string | null)[]).includes(value) ? (value as T) : undefined;
}

/**
 * A list's filters live in the address, so Back/Forward, reload and a shared link keep them.
 * `read` turns the address into the filter; `onSearch` is a filter form's submit handler (every filled
 * field becomes a parameter, and the list starts again at page 1); `goToPage` keeps the filters.
 * `formKey` changes when the address does: give it to the form as `key` so its fields show the address.
 */
export function useUrlFilters<F>(read: (params: URLSearchParams) => F) {
  const [params, setParams] = useSearchParams();
  const onSearch = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim()) next.set(key, value.trim());
    }
    setParams(next);
  };
  const goToPage = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };
  return { filter: read(params), params, formKey: params.toString(), onSearch, goToPage };
}
