import type { InstructorList, PersonRef } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authoringQueryKey } from './list-courses';

export type InstructorRef = PersonRef;

export function listInstructors(q: string, signal?: AbortSignal): Promise<InstructorList> {
  return api('authoring.instructors', { query: { q }, signal });
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
