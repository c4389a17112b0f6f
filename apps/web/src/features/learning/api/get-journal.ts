import type { DraftText } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { learningQueryKey } from './get-my-learning';

export interface JournalEntry {
  lessonId: string;
  courseId: string;
  courseTitle: DraftText;
  lessonTitle: DraftText;
  text: string;
  shared: boolean;
  updatedAt: string;
}

export const journalQueryKey = [...learningQueryKey, 'journal'] as const;

export function getJournal(signal?: AbortSignal): Promise<{ items: JournalEntry[] }> {
  return apiRequest('/me/journal', { signal });
}

/** The learner's own reflections (only they see them, unless they shared one with their instructor). */
export function useJournal(enabled = true) {
  return useQuery(queryOptions({ queryKey: journalQueryKey, queryFn: ({ signal }) => getJournal(signal), enabled }));
}
