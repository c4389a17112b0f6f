import type { AuthorCourse } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { storeCourse } from './get-course';

export function duplicateCourse(
  id: string,
  body: { slug: string; title?: { ko: string; en?: string; zh?: string } },
): Promise<AuthorCourse> {
  return api('authoring.duplicateCourse', { params: { id }, body });
}

export function useDuplicateCourse(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { slug: string }) => duplicateCourse(id, body),
    onSuccess: (course) => storeCourse(client, course),
  });
}
