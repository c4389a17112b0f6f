import type { AuthorCourse } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { storeCourse } from './get-course';

export function setCoInstructors(id: string, userIds: string[]): Promise<AuthorCourse> {
  return apiRequest(`/authoring/courses/${encodeURIComponent(id)}/co-instructors`, {
    method: 'PUT',
    body: { userIds },
  });
}

export function useSetCoInstructors(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => setCoInstructors(id, userIds),
    onSuccess: (course) => storeCourse(client, course),
  });
}
