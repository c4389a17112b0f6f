import type { Session } from '@dari/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** A signed-in device, as its owner sees it. */
export type Device = Session;

const devicesKey = ['me', 'sessions'] as const;

export function useDevices() {
  return useQuery(
    queryOptions({
      queryKey: devicesKey,
      queryFn: ({ signal }) => api('me.sessions', { signal }),
    }),
  );
}

/** Ends one signed-in device (not this one: that is "sign out"). */
export function useEndDevice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('me.endSession', { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: devicesKey }),
  });
}

/** Ends every other signed-in device at once; this one stays signed in. */
export function useEndOtherDevices() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api('me.endOtherSessions'),
    onSuccess: () => client.invalidateQueries({ queryKey: devicesKey }),
  });
}
