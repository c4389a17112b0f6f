import type { AnnouncementText } from '@dari/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type AnnouncementTarget = { kind: 'cohort' | 'course'; id: string };

const sentKey = (target: AnnouncementTarget) => ['announcements', target.kind, target.id] as const;

/** What staff sent to this cohort or course, each with how many have read it (never who). */
export function useSentAnnouncements(target: AnnouncementTarget) {
  return useQuery({
    queryKey: sentKey(target),
    queryFn: ({ signal }) =>
      target.kind === 'cohort'
        ? api('announcements.cohortList', { signal, params: { id: target.id } })
        : api('announcements.courseList', { signal, params: { id: target.id } }),
  });
}

export function useSendAnnouncement(target: AnnouncementTarget) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ text, atRiskOnly }: { text: AnnouncementText; atRiskOnly: boolean }) =>
      target.kind === 'cohort'
        ? api('announcements.toCohort', { params: { id: target.id }, body: { text, atRiskOnly } })
        : api('announcements.toCourse', { params: { id: target.id }, body: { text } }),
    onSuccess: () => client.invalidateQueries({ queryKey: sentKey(target) }),
  });
}
