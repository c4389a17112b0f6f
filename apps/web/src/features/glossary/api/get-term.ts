import type { GlossaryTerm } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { glossaryQueryKey } from './keys';

export const termQueryKey = (id: string) => [...glossaryQueryKey, 'term', id] as const;

export function getTerm(id: string, signal?: AbortSignal): Promise<GlossaryTerm> {
  return apiRequest(`/glossary/${encodeURIComponent(id)}`, { signal });
}

export function useGlossaryTerm(id: string) {
  return useQuery(queryOptions({ queryKey: termQueryKey(id), queryFn: ({ signal }) => getTerm(id, signal) }));
}
