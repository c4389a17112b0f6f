import type { Certificate } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { learningQueryKey } from './get-my-learning';

export const certificatesQueryKey = [...learningQueryKey, 'certificates'] as const;

export function getCertificates(signal?: AbortSignal): Promise<{ items: Certificate[] }> {
  return api('certificates.mine', { signal });
}

export function useCertificates() {
  return useQuery(queryOptions({ queryKey: certificatesQueryKey, queryFn: ({ signal }) => getCertificates(signal) }));
}
