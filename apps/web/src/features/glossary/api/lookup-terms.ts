import type { GlossaryTerm } from '@dari/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { glossaryQueryKey } from './keys';

/** The API takes at most this many terms at once. */
export const LOOKUP_MAX = 300;

export function lookupTerms(terms: readonly string[], signal?: AbortSignal): Promise<{ items: GlossaryTerm[] }> {
  return api('glossary.lookup', { body: { terms: terms.slice(0, LOOKUP_MAX) }, signal });
}

export const lookupQueryKey = [...glossaryQueryKey, 'lookup'] as const;

/**
 * The entries for a lesson's [[terms]], in one request, kept for the visit (a lesson's terms rarely change
 * while it is read). `scope` is the lesson (or the editor) asking, so each has its own cache entry.
 */
export const termLookupQuery = (scope: string, terms: readonly string[]) =>
  queryOptions({
    queryKey: [...lookupQueryKey, scope, [...terms].sort()],
    queryFn: async ({ signal }) => {
      const { items } = await lookupTerms(terms, signal);
      return new Map(items.map((item) => [item.term, item] as const));
    },
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });

export function useTermLookup(scope: string, terms: readonly string[]) {
  return useQuery({ ...termLookupQuery(scope, terms), enabled: terms.length > 0 });
}
