import type { CourseProgress } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { learningQueryKey } from './get-my-learning';

export const progressQueryKey = (slug: string) => [...learningQueryKey, 'progress', slug] as const;

export function getCourseProgress(slug: string, signal?: AbortSignal): Promise<CourseProgress> {
  return api('learning.progress', { params: { slug }, signal });
}

export const progressQuery = (slug: string) =>
  queryOptions({ queryKey: progressQueryKey(slug), queryFn: ({ signal }) => getCourseProgress(slug, signal) });

/** The learner's own state of each lesson of the course, and the enrolment (null when not enrolled). */
export function useCourseProgress(slug: string) {
  return useQuery(progressQuery(slug));
}
