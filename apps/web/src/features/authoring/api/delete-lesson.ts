import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { authorCourseQueryKey } from './get-course';

export function deleteLesson(id: string): Promise<void> {
  return apiRequest(`/authoring/lessons/${encodeURIComponent(id)}`, { method: 'DELETE', expect: 'none' });
}

export function useDeleteLesson(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteLesson,
    onSuccess: () => client.invalidateQueries({ queryKey: authorCourseQueryKey(courseId) }),
  });
}
