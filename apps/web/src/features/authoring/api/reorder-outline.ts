import type { AuthorCourse, ReorderOutline } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { storeCourse } from './get-course';

/** The whole outline in its new order, made on the revision last seen. */
export function reorderOutline(courseId: string, body: ReorderOutline): Promise<AuthorCourse> {
  return api('authoring.reorderOutline', { params: { id: courseId }, body });
}

export function useReorderOutline(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReorderOutline) => reorderOutline(courseId, body),
    onSuccess: (course) => storeCourse(client, course),
  });
}
