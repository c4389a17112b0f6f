import type { GlossaryTerm, GlossaryTermEntry } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { termQueryKey } from './get-term';
import { glossaryQueryKey } from './keys';

/** Staff keep the glossary: create a term, or change one (PATCH with the whole entry). */
export function useSaveTerm(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entry: GlossaryTermEntry) =>
      id
        ? apiRequest<GlossaryTerm>(`/glossary/${encodeURIComponent(id)}`, { method: 'PATCH', body: entry })
        : apiRequest<GlossaryTerm>('/glossary', { method: 'POST', body: entry }),
    onSuccess: (term) => {
      client.setQueryData(termQueryKey(term.id), term);
      void client.invalidateQueries({ queryKey: glossaryQueryKey, predicate: (q) => q.queryKey[1] !== 'term' });
    },
  });
}

export function useDeleteTerm(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`/glossary/${encodeURIComponent(id)}`, { method: 'DELETE', expect: 'none' }),
    onSuccess: () => {
      client.removeQueries({ queryKey: termQueryKey(id) });
      void client.invalidateQueries({ queryKey: glossaryQueryKey });
    },
  });
}
