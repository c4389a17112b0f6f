import type { CatalogCourse } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const catalogQueryKey = ['catalog'] as const;

export function getCatalog(signal?: AbortSignal): Promise<{ items: CatalogCourse[] }> {
  return api('catalog.list', { signal });
}

export function useCatalog() {
  return useQuery(queryOptions({ queryKey: catalogQueryKey, queryFn: ({ signal }) => getCatalog(signal) }));
}
