import type { ReactNode } from 'react';
import { LoadError } from './alerts';
import { Loading } from './loading';

/** The part of a TanStack query this needs (useQuery's result fits). */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  refetch: () => unknown;
}

interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** Shown instead of `children` when `isEmpty(data)`. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * Loading, a load error with "Try again", empty, or the data. An error after data had arrived (a failed
 * refetch) shows above the data it failed to refresh, which stays.
 */
export function QueryState<T>({ query, isEmpty, empty = null, children }: QueryStateProps<T>) {
  return (
    <>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <LoadError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data !== undefined ? (isEmpty?.(query.data) ? empty : children(query.data)) : null}
    </>
  );
}
