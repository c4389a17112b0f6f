import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { inboxQueryKey } from './inbox';

export type MyAnnouncementsTarget = { kind: 'cohort' | 'course'; id: string };

/**
 * The newest few announcements sent to me in a course I take or a cohort I learn in. Kept under the
 * inbox's key: marking one read (here or in the inbox) refreshes the page's list and the unread count together.
 */
export function useMyAnnouncements(target: MyAnnouncementsTarget, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: [...inboxQueryKey, 'mine', target.kind, target.id],
    queryFn: ({ signal }) =>
      target.kind === 'course'
        ? api('announcements.myCourse', { signal, params: { id: target.id } })
        : api('announcements.myCohort', { signal, params: { id: target.id } }),
    staleTime: 60_000,
  });
}
