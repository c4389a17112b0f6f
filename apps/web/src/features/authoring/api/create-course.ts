import type { AuthorCourse, CreateCourse } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { storeCourse } from './get-course';

export function createCourse(body: CreateCourse): Promise<AuthorCourse> {
  return api('authoring.createCourse', { body });
}

export function useCreateCourse() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createCourse, onSuccess: (course) => storeCourse(client, course) });
}
