import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { authoringQueryKey } from './list-courses';

export interface InstructorRef {
  id: string;
  displayName: string;
}

export function listInstructors(q: string, signal?: AbortSignal): Promise<{ items: InstructorRef[] }> {
  return apiRequest('/authoring/instructors', { query: { q }, signal });
}

export function useInstructors(q: string, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: [...authoringQueryKey, 'instructors', q],
      queryFn: ({ signal }) => listInstructors(q, signal),
      enabled,
    }),
  );
}
