import type { AuthorCourse } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { storeCourse } from './get-course';

type Title = { ko: string; en?: string; zh?: string };

export function updateModule(moduleId: string, title: Title): Promise<AuthorCourse> {
  return api('authoring.updateModule', { params: { id: moduleId }, body: { title } });
}

export function useUpdateModule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ moduleId, title }: { moduleId: string; title: Title }) => updateModule(moduleId, title),
    onSuccess: (course) => storeCourse(client, course),
  });
}
