import type { AuthorCourse } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { storeCourse } from './get-course';

/** A course bundle (.zip) becomes a new draft course; 400 invalid_bundle names what is wrong. */
export function importBundle(file: File): Promise<AuthorCourse> {
  const body = new FormData();
  body.append('file', file);
  return apiRequest('/authoring/courses/import', { method: 'POST', body });
}

export function useImportBundle() {
  const client = useQueryClient();
  return useMutation({ mutationFn: importBundle, onSuccess: (course) => storeCourse(client, course) });
}

export function bundleUrl(courseId: string): string {
  return `/api/v1/authoring/courses/${encodeURIComponent(courseId)}/bundle`;
}
