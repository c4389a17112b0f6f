import type { AuthorCourse } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { routeUrl } from '../../../lib/route-table';
import { storeCourse } from './get-course';

/**
 * A course bundle (.zip) becomes a new draft course, under the address name in the bundle or `slug`;
 * 400 invalid_bundle names what is wrong, 409 slug_taken offers a free name (suggestedSlug).
 */
export function importBundle({ file, slug }: { file: File; slug?: string }): Promise<AuthorCourse> {
  const body = new FormData();
  body.append('file', file);
  return api('authoring.importBundle', { body, query: { slug } });
}

export function useImportBundle() {
  const client = useQueryClient();
  return useMutation({ mutationFn: importBundle, onSuccess: (course) => storeCourse(client, course) });
}

export function bundleUrl(courseId: string): string {
  return routeUrl('authoring.bundle', { params: { id: courseId } });
}
