import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authorCourseQueryKey } from './get-course';

export function deleteLesson(id: string): Promise<void> {
  return api('authoring.deleteLesson', { params: { id } });
}

export function useDeleteLesson(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteLesson,
    onSuccess: () => client.invalidateQueries({ queryKey: authorCourseQueryKey(courseId) }),
  });
}
