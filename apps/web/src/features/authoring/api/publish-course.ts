import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { authorCourseQueryKey } from './get-course';
import { versionsQueryKey } from './list-versions';

export interface Published {
  version: number;
  publishedAt: string;
}

/** Freezes the draft as a new numbered version; 400 publish_blocked lists what is missing. */
export function publishCourse(id: string): Promise<Published> {
  return apiRequest(`/authoring/courses/${encodeURIComponent(id)}/publish`, { method: 'POST' });
}

export function usePublishCourse(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => publishCourse(id),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: authorCourseQueryKey(id) }),
        client.invalidateQueries({ queryKey: versionsQueryKey(id) }),
      ]),
  });
}
