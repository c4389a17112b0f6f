import type { InboxPage } from '@dari/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { inboxQueryKey } from './unread-count';

export { inboxQueryKey, unreadQueryKey, UNREAD_POLL_MS, useUnreadCount } from './unread-count';

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
