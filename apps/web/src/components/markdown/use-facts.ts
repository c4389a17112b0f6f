import { FACT_REFERENCE, renderFact, type Fact } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useContext, useMemo } from 'react';
import { api } from '../../lib/api';
import { FactsContext, factLocale, useKoreaToday } from './facts-context';

/**
 * The whole registry of dated facts (GET /facts: libs/curriculum/facts, what published courses embed), for
 * texts that no course snapshot carries: glossary entries (explanation, example, glosses).
 */
export const factsQueryKey = ['facts', 'registry'] as const;

export function getFacts(signal?: AbortSignal): Promise<Fact[]> {
  return api('facts.list', { signal });
}

/** A value changes only with a new release of Dari: fetched once a visit, kept an hour (the API says the same). */
export const factsQuery = queryOptions({
  queryKey: factsQueryKey,
  queryFn: ({ signal }) => getFacts(signal),
  staleTime: 60 * 60 * 1000,
  gcTime: 24 * 60 * 60 * 1000,
});

export function useFacts() {
  return useQuery(factsQuery);
}

/** Shown for a reference while the registry is on its way: never the raw `{{fact:KEY}}`. */
export const FACT_PENDING = '…';

/**
 * Renders the `{{fact:KEY}}` references of a glossary text (or any text outside a course snapshot) for
 * the text's language, on today's date in Korea:
 *
 * - inside a lesson (a `FactsContext` provider), a fact its published course carries shows as the lesson
 *   around it shows it; any other comes from the registry;
 * - elsewhere, every fact comes from the registry;
 * - while the registry loads, a reference shows as "…"; if it cannot be had (offline, an error) or names
 *   no fact, the plain marker ("[key]") the renderer uses for an unknown fact. Never the raw reference.
 *
 * Staff edit forms must not use this: they show and save what was written.
 */
export function useRegistryFactText(): (text: string, lang?: string) => string {
  const lessonFacts = useContext(FactsContext);
  const registry = useFacts();
  const today = useKoreaToday();
  const byKey = useMemo(() => {
    const map = new Map<string, Fact>();
    for (const fact of registry.data ?? []) map.set(fact.key, fact);
    for (const fact of lessonFacts ?? []) map.set(fact.key, fact);
    return map;
  }, [registry.data, lessonFacts]);
  const pending = registry.isPending;
  return useCallback(
    (text: string, lang?: string) => {
      if (!text || !text.includes('{{')) return text;
      const locale = factLocale(lang);
      return text.replace(FACT_REFERENCE, (_, key: string) => {
        const fact = byKey.get(key);
        return !fact && pending ? FACT_PENDING : renderFact(fact, locale, today, key);
      });
    },
    [byKey, pending, today],
  );
}
