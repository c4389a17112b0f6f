import type { SharedReflections } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { reportsQueryKey } from './keys';

/** Reflections learners shared with the course's instructors. Each read is audited: no refetch on focus. */
export function useSharedReflections(courseId: string, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: [...reportsQueryKey, 'reflections', courseId],
      queryFn: ({ signal }): Promise<SharedReflections> =>
        apiRequest(`/reports/courses/${encodeURIComponent(courseId)}/reflections`, { signal }),
      enabled,
      refetchOnWindowFocus: false,
      staleTime: Infinity,
    }),
  );
}
