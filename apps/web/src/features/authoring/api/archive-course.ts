import type { AuthorCourse } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { storeCourse } from './get-course';

/** Archive hides a course from new learners; unarchive brings it back. */
export function setCourseArchived(id: string, archived: boolean): Promise<AuthorCourse> {
  return api(archived ? 'authoring.archiveCourse' : 'authoring.unarchiveCourse', { params: { id } });
}

export function useSetCourseArchived(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => setCourseArchived(id, archived),
    onSuccess: (course) => storeCourse(client, course),
  });
}
