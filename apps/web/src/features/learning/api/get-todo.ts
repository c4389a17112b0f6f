import type { Todo } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { learningQueryKey } from './get-my-learning';

/** Under the learning key: a finished lesson or a new enrolment refreshes it with the rest. */
export const todoQueryKey = [...learningQueryKey, 'todo'] as const;

export function getTodo(signal?: AbortSignal): Promise<Todo> {
  return api('me.todo', { signal });
}

export const todoQuery = queryOptions({ queryKey: todoQueryKey, queryFn: ({ signal }) => getTodo(signal) });

/** The learner's to-do list: assigned courses with due dates, cohort dates and sessions (issue 17). */
export function useTodo({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...todoQuery, enabled });
}
