import type { AuthorCourse } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { storeCourse } from './get-course';

type Title = { ko: string; en?: string; zh?: string };

export function createModule(courseId: string, title: Title): Promise<AuthorCourse> {
  return api('authoring.createModule', { params: { id: courseId }, body: { title } });
}

export function useCreateModule(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (title: Title) => createModule(courseId, title),
    onSuccess: (course) => storeCourse(client, course),
  });
}
