import type { AuthorCourse } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { storeCourse } from './get-course';

/** Deletes the module and its lessons. */
export function deleteModule(moduleId: string): Promise<AuthorCourse> {
  return api('authoring.deleteModule', { params: { id: moduleId } });
}

export function useDeleteModule() {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteModule, onSuccess: (course) => storeCourse(client, course) });
}
