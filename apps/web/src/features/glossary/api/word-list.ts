import type { GlossaryTerm } from '@dari/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { termQueryKey } from './get-term';
import { glossaryQueryKey, wordListQueryKey } from './keys';
import { lookupQueryKey } from './lookup-terms';

export function getMyWords(signal?: AbortSignal): Promise<{ items: GlossaryTerm[] }> {
  return api('words.list', { signal });
}

export function useMyWords() {
  return useQuery(queryOptions({ queryKey: wordListQueryKey, queryFn: ({ signal }) => getMyWords(signal) }));
}

/** Shows the new state everywhere the term is cached, at once; the word list and searches reload. */
function markSaved(client: QueryClient, term: GlossaryTerm, saved: boolean): void {
  const next = { ...term, saved };
  client.setQueriesData<Map<string, GlossaryTerm>>({ queryKey: lookupQueryKey }, (map) => {
    const cached = map?.get(term.term);
    if (!map || !cached) return map;
    return new Map(map).set(term.term, { ...cached, saved });
  });
  client.setQueryData<GlossaryTerm>(termQueryKey(term.id), (old) => (old ? { ...old, saved } : next));
  void client.invalidateQueries({ queryKey: wordListQueryKey });
  void client.invalidateQueries({ queryKey: [...glossaryQueryKey, 'search'] });
}

/** Put a term in my word list, or take it out. */
export function useToggleWord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ term, save }: { term: GlossaryTerm; save: boolean }) => {
      await api(save ? 'words.save' : 'words.unsave', { params: { id: term.id } });
    },
    onSuccess: (_, { term, save }) => markSaved(client, term, save),
  });
}
