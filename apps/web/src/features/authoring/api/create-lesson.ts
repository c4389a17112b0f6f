import type { AuthorLesson, LessonKind } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { authorCourseQueryKey } from './get-course';
import { lessonQueryKey } from './get-lesson';

export interface NewLesson {
  moduleId: string;
  kind: LessonKind;
  title: { ko: string; en?: string; zh?: string };
}

export function createLesson({ moduleId, ...body }: NewLesson): Promise<AuthorLesson> {
  return apiRequest(`/authoring/modules/${encodeURIComponent(moduleId)}/lessons`, { method: 'POST', body });
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
