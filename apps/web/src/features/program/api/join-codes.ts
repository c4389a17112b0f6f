import type { CreateJoinCode, JoinCode } from '@dari/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { cohortQueryKey } from './keys';

export type { CreateJoinCode, JoinCode };

export const joinCodesKey = (cohortId: string) => [...cohortQueryKey(cohortId), 'join-codes'] as const;

export function listJoinCodes(cohortId: string, signal?: AbortSignal): Promise<{ items: JoinCode[] }> {
  return api('cohorts.joinCodes', { params: { id: cohortId }, signal });
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
  return api('cohorts.createJoinCode', { params: { id: cohortId }, body });
}

export function useCreateJoinCode(cohortId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateJoinCode) => createJoinCode(cohortId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: joinCodesKey(cohortId) }),
  });
}

export function revokeJoinCode(cohortId: string, codeId: string): Promise<JoinCode> {
  return api('cohorts.revokeJoinCode', { params: { id: cohortId, codeId } });
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
