import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';

export interface Device {
  id: string;
  userAgent: string | null;
  sharedDevice: boolean;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

const devicesKey = ['me', 'sessions'] as const;

export function useDevices() {
  return useQuery(
    queryOptions({
      queryKey: devicesKey,
      queryFn: ({ signal }): Promise<{ items: Device[] }> => apiRequest('/me/sessions', { signal }),
    }),
  );
}

/** Ends one signed-in device (not this one: that is "sign out"). */
export function useEndDevice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: devicesKey }),
  });
}

/** Ends every other signed-in device at once; this one stays signed in. */
export function useEndOtherDevices() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<{ ended: number }> => apiRequest('/me/sessions/end-others', { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: devicesKey }),
  });
}
