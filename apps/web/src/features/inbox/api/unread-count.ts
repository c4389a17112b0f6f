import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

// The navigation's unread number, in a module of its own: the header is on every first page, and the
// rest of the inbox (pages of items, marking read) loads only with the pages that show them.
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
