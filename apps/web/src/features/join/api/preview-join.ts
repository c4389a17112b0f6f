import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export function previewJoin(code: string, signal?: AbortSignal): Promise<{ cohortName: string }> {
  return api('join.preview', { params: { code }, signal });
}

/** Which cohort a code opens. Each look-up counts against the API's throttle: never refetch by itself. */
export function useJoinPreview(code: string, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: ['join', code],
      queryFn: ({ signal }) => previewJoin(code, signal),
      enabled,
      retry: false,
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    }),
  );
}
