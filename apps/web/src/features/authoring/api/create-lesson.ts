import type { AuthorLesson, CreateLesson } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authorCourseQueryKey } from './get-course';
import { lessonQueryKey } from './get-lesson';

export type NewLesson = CreateLesson & { moduleId: string };

export function createLesson({ moduleId, ...body }: NewLesson): Promise<AuthorLesson> {
  return api('authoring.createLesson', { params: { id: moduleId }, body });
}

export function useCreateLesson(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createLesson,
    onSuccess: (lesson) => {
      client.setQueryData(lessonQueryKey(lesson.id), lesson);
      return client.invalidateQueries({ queryKey: authorCourseQueryKey(courseId) });
    },
  });
}
