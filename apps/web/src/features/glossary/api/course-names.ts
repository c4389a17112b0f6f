import type { AuthorCourse } from '@dari/contracts';
import { useQueries } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { glossaryQueryKey } from './keys';

/** Course and lesson titles for the staff's list of word requests (which carry only ids). */
export function useCourseOutlines(courseIds: readonly string[]) {
  const ids = [...new Set(courseIds)];
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: [...glossaryQueryKey, 'course-outline', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api('authoring.getCourse', { params: { id }, signal }),
      staleTime: 10 * 60_000,
      retry: false,
    })),
  });
  const byId = new Map<string, AuthorCourse>();
  results.forEach((r, i) => {
    if (r.data) byId.set(ids[i], r.data);
  });
  return byId;
}
