import type { AuthorCourse, UpdateCourse } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { storeCourse } from './get-course';

/** Carries the revision it was made on; 409 stale_revision when someone saved in between. */
export function updateCourse(id: string, body: UpdateCourse): Promise<AuthorCourse> {
  return api('authoring.updateCourse', { params: { id }, body });
}

export function useUpdateCourse(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCourse) => updateCourse(id, body),
    onSuccess: (course) => storeCourse(client, course),
  });
}
