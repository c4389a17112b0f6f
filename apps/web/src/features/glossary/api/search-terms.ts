import type { GlossaryPage, GlossaryQuery } from '@dari/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { glossaryQueryKey } from './keys';

export type GlossaryFilter = GlossaryQuery;

export type { GlossaryPage };

export function searchTerms(filter: GlossaryFilter, signal?: AbortSignal): Promise<GlossaryPage> {
  return api('glossary.search', { query: { ...filter }, signal });
}

export const glossarySearchQuery = (filter: GlossaryFilter) =>
  queryOptions({
    queryKey: [...glossaryQueryKey, 'search', filter],
    queryFn: ({ signal }) => searchTerms(filter, signal),
    placeholderData: keepPreviousData,
  });

export function useGlossarySearch(filter: GlossaryFilter, enabled = true) {
  return useQuery({ ...glossarySearchQuery(filter), enabled });
}
