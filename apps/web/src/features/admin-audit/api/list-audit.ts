import type { z } from 'zod';
import type { auditPageSchema } from '@dari/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';

export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditEvent = AuditPage['items'][number];

/** Exactly the query `GET /admin/audit` takes (the API refuses unknown keys). */
export interface AuditFilter {
  actorId?: string;
  targetUserId?: string;
  /** An action name, or the start of one: the API matches by prefix. */
  action?: string;
  /** ISO date-times with an offset; `to` is exclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditQueryKey = ['admin-audit'] as const;

export function listAudit(filter: AuditFilter, signal?: AbortSignal): Promise<AuditPage> {
  return apiRequest('/admin/audit', { query: { ...filter }, signal });
}

export const auditQuery = (filter: AuditFilter) =>
  queryOptions({
    queryKey: [...auditQueryKey, filter],
    queryFn: ({ signal }) => listAudit(filter, signal),
    placeholderData: keepPreviousData,
  });

export function useAuditLog(filter: AuditFilter) {
  return useQuery(auditQuery(filter));
}
