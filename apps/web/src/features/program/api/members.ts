import type {
  Cohort,
  CohortMember,
  CohortMembers,
  CohortMembersQuery,
  CohortRole,
  MemberLookupResult,
  RenameMember,
  ResetCode,
} from '@dari/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { cohortQueryKey } from './keys';

export type { CohortRole };

export type { CohortMember };

export type MembersFilter = CohortMembersQuery;

export type MemberList = CohortMembers;

const membersKey = (cohortId: string) => [...cohortQueryKey(cohortId), 'members'] as const;

export function listMembers(cohortId: string, filter: MembersFilter, signal?: AbortSignal): Promise<MemberList> {
  return api('cohorts.members', { params: { id: cohortId }, query: { ...filter }, signal });
}

export function useMembers(cohortId: string, filter: MembersFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...membersKey(cohortId), filter],
      queryFn: ({ signal }) => listMembers(cohortId, filter, signal),
      placeholderData: keepPreviousData,
    }),
  );
}

export function removeMember(cohortId: string, userId: string): Promise<Cohort> {
  return api('cohorts.removeMember', { params: { id: cohortId, userId } });
}

export function useRemoveMember(cohortId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(cohortId, userId),
    // Counts, members and the progress grid all change.
    onSuccess: () => client.invalidateQueries({ queryKey: cohortQueryKey(cohortId) }),
  });
}

/** A learner's one-time password code: never cached, shown once where it was asked for. */
export function createMemberResetCode(cohortId: string, userId: string): Promise<ResetCode> {
  return api('cohorts.memberResetCode', { params: { id: cohortId, userId } });
}

export function useMemberResetCode(cohortId: string) {
  return useMutation({ mutationFn: (userId: string) => createMemberResetCode(cohortId, userId) });
}

/** One existing account by its exact username (sent in the body, never in the address). Audited by the API. */
export function lookupAccount(cohortId: string, username: string): Promise<MemberLookupResult> {
  return api('cohorts.lookupMember', { params: { id: cohortId }, body: { username } });
}

export function useLookupAccount(cohortId: string) {
  return useMutation({ mutationFn: (username: string) => lookupAccount(cohortId, username) });
}

export function addMember(cohortId: string, userId: string, role: CohortRole): Promise<Cohort> {
  return api('cohorts.addMembers', { params: { id: cohortId }, body: { members: [{ userId, role }] } });
}

export function useAddMember(cohortId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: CohortRole }) => addMember(cohortId, userId, role),
    onSuccess: () => client.invalidateQueries({ queryKey: cohortQueryKey(cohortId) }),
  });
}

/** Corrects a learner's display name (a learner wholly in the caller's care; the API audits it). */
export function renameMember(cohortId: string, userId: string, body: RenameMember): Promise<CohortMember> {
  return api('cohorts.renameMember', { params: { id: cohortId, userId }, body });
}

export function useRenameMember(cohortId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, displayName }: { userId: string; displayName: string }) =>
      renameMember(cohortId, userId, { displayName }),
    // The name shows in the members list and the progress grid.
    onSuccess: () => client.invalidateQueries({ queryKey: cohortQueryKey(cohortId) }),
  });
}
