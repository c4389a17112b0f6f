import type { AuthorCourse } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { storeCourse } from './get-course';

export function setCoInstructors(id: string, userIds: string[]): Promise<AuthorCourse> {
  return api('authoring.setCoInstructors', { params: { id }, body: { userIds } });
}

export function useSetCoInstructors(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => setCoInstructors(id, userIds),
    onSuccess: (course) => storeCourse(client, course),
  });
}
