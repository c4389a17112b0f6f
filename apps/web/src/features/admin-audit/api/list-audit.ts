import type { AuditEvent, AuditPage, AuditQuery } from '@dari/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type { AuditEvent, AuditPage };

/** Exactly the query `GET /admin/audit` takes (the API refuses unknown keys). */
export type AuditFilter = AuditQuery;

export const auditQueryKey = ['admin-audit'] as const;

export function listAudit(filter: AuditFilter, signal?: AbortSignal): Promise<AuditPage> {
  return api('admin.audit', { query: { ...filter }, signal });
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
