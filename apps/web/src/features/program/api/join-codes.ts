import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { cohortQueryKey } from './keys';

export interface JoinCode {
  id: string;
  code: string;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
  createdAt: string;
  usable: boolean;
}

export interface CreateJoinCode {
  expiresAt: string | null;
  maxUses: number | null;
}

export const joinCodesKey = (cohortId: string) => [...cohortQueryKey(cohortId), 'join-codes'] as const;
const base = (cohortId: string) => `/cohorts/${encodeURIComponent(cohortId)}/join-codes`;

export function listJoinCodes(cohortId: string, signal?: AbortSignal): Promise<{ items: JoinCode[] }> {
  return apiRequest(base(cohortId), { signal });
}

export function useJoinCodes(cohortId: string, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: joinCodesKey(cohortId),
      queryFn: ({ signal }) => listJoinCodes(cohortId, signal),
      enabled,
    }),
  );
}

export function createJoinCode(cohortId: string, body: CreateJoinCode): Promise<JoinCode> {
  return apiRequest(base(cohortId), { method: 'POST', body });
}

export function useCreateJoinCode(cohortId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateJoinCode) => createJoinCode(cohortId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: joinCodesKey(cohortId) }),
  });
}

export function revokeJoinCode(cohortId: string, codeId: string): Promise<JoinCode> {
  return apiRequest(`${base(cohortId)}/${encodeURIComponent(codeId)}/revoke`, { method: 'POST' });
}

export function useRevokeJoinCode(cohortId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (codeId: string) => revokeJoinCode(cohortId, codeId),
    onSuccess: () => client.invalidateQueries({ queryKey: joinCodesKey(cohortId) }),
  });
}

/** What a code's row says about it, in words (never by colour alone). */
export type JoinCodeState = 'usable' | 'revoked' | 'expired' | 'usedUp';

export function joinCodeState(code: JoinCode, now = Date.now()): JoinCodeState {
  if (code.revokedAt) return 'revoked';
  if (code.expiresAt && Date.parse(code.expiresAt) <= now) return 'expired';
  if (code.maxUses !== null && code.uses >= code.maxUses) return 'usedUp';
  return code.usable ? 'usable' : 'expired';
}

/** The address a learner opens: the code without its dash is accepted too, but the dash reads better. */
export function joinUrl(code: string): string {
  return `${window.location.origin}/join/${code}`;
}
