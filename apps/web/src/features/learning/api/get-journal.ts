import type { Journal, JournalEntry } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { learningQueryKey } from './get-my-learning';

export type { JournalEntry };

export const journalQueryKey = [...learningQueryKey, 'journal'] as const;

export function getJournal(signal?: AbortSignal): Promise<Journal> {
  return api('learning.journal', { signal });
}

/** The learner's own reflections (only they see them, unless they shared one with their instructor). */
export function useJournal(enabled = true) {
  return useQuery(queryOptions({ queryKey: journalQueryKey, queryFn: ({ signal }) => getJournal(signal), enabled }));
}
