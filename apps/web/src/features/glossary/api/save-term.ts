import type { GlossaryTermEntry } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { termQueryKey } from './get-term';
import { glossaryQueryKey } from './keys';

/** Staff keep the glossary: create a term, or change one (PATCH with the whole entry). */
export function useSaveTerm(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entry: GlossaryTermEntry) =>
      id ? api('glossary.update', { params: { id }, body: entry }) : api('glossary.create', { body: entry }),
    onSuccess: (term) => {
      client.setQueryData(termQueryKey(term.id), term);
      void client.invalidateQueries({ queryKey: glossaryQueryKey, predicate: (q) => q.queryKey[1] !== 'term' });
    },
  });
}

export function useDeleteTerm(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api('glossary.remove', { params: { id } }),
    onSuccess: () => {
      client.removeQueries({ queryKey: termQueryKey(id) });
      void client.invalidateQueries({ queryKey: glossaryQueryKey });
    },
  });
}
