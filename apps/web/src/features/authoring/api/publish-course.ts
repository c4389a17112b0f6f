import type { PublishResult } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authorCourseQueryKey } from './get-course';
import { versionsQueryKey } from './list-versions';

export type Published = PublishResult;

/** Freezes the draft as a new numbered version; 400 publish_blocked lists what is missing. */
export function publishCourse(id: string): Promise<Published> {
  return api('authoring.publish', { params: { id } });
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
