import type { GlossaryTerm } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { glossaryQueryKey } from './keys';

export const termQueryKey = (id: string) => [...glossaryQueryKey, 'term', id] as const;

export function getTerm(id: string, signal?: AbortSignal): Promise<GlossaryTerm> {
  return api('glossary.get', { params: { id }, signal });
}

export function useGlossaryTerm(id: string) {
  return useQuery(queryOptions({ queryKey: termQueryKey(id), queryFn: ({ signal }) => getTerm(id, signal) }));
}
