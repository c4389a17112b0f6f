import type { SharedReflections } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { reportsQueryKey } from './keys';

/** Reflections learners shared with the course's instructors. Each read is audited: no refetch on focus. */
export function useSharedReflections(courseId: string, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: [...reportsQueryKey, 'reflections', courseId],
      queryFn: ({ signal }): Promise<SharedReflections> =>
        api('reports.reflections', { params: { id: courseId }, signal }),
      enabled,
      refetchOnWindowFocus: false,
      staleTime: Infinity,
    }),
  );
}
