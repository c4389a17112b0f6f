import type { GlossaryTerm, GLOSSARY_TAGS } from '@dari/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { glossaryQueryKey } from './keys';

export interface GlossaryFilter {
  /** Any of the four forms (South, North, English, Chinese), or initial consonants such as ㅁㅈㅈㅇ. */
  q?: string;
  tag?: (typeof GLOSSARY_TAGS)[number];
  page: number;
  pageSize: number;
}

export interface GlossaryPage {
  items: GlossaryTerm[];
  total: number;
  page: number;
  pageSize: number;
}

export function searchTerms(filter: GlossaryFilter, signal?: AbortSignal): Promise<GlossaryPage> {
  return apiRequest('/glossary', { query: { ...filter }, signal });
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
