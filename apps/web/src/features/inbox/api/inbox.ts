import type { InboxPage } from '@dari/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const inboxQueryKey = ['inbox'] as const;
export const unreadQueryKey = [...inboxQueryKey, 'unread'] as const;

/** Polling, modestly: on focus and every few minutes, never on a hidden tab (docs/learning-together.md). */
export const UNREAD_POLL_MS = 3 * 60 * 1000;

/** How many unread (notifications and announcements): the navigation's number and the app badge. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: unreadQueryKey,
    queryFn: ({ signal }) => api('notifications.unreadCount', { signal }),
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
  });
}

/** The inbox, newest first, a page at a time. */
export function useInbox() {
  return useInfiniteQuery({
    queryKey: [...inboxQueryKey, 'list'],
    queryFn: ({ signal, pageParam }) =>
      api('notifications.list', { signal, query: pageParam ? { cursor: pageParam, limit: 20 } : { limit: 20 } }),
    initialPageParam: '',
    getNextPageParam: (last: InboxPage) => last.next ?? undefined,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('notifications.read', { params: { id } }),
    onSettled: () => client.invalidateQueries({ queryKey: inboxQueryKey }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api('notifications.readAll'),
    onSettled: () => client.invalidateQueries({ queryKey: inboxQueryKey }),
  });
}
