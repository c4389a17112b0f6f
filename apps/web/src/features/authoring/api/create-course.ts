import type { AuthorCourse, CreateCourse } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { storeCourse } from './get-course';

export function createCourse(body: CreateCourse): Promise<AuthorCourse> {
  return apiRequest('/authoring/courses', { method: 'POST', body });
}

export function useCreateCourse() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createCourse, onSuccess: (course) => storeCourse(client, course) });
}
