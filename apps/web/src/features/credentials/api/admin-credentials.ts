import type { Issuer, RevokeCredential, RevokedCredential, UpdateIssuer } from '@dari/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';

export const issuerQueryKey = ['admin', 'issuer'] as const;

export function useIssuer() {
  return useQuery(
    queryOptions({ queryKey: issuerQueryKey, queryFn: ({ signal }) => api('credentials.issuer', { signal }) }),
  );
}

export function useUpdateIssuer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateIssuer): Promise<Issuer> => api('credentials.updateIssuer', { body }),
    onSuccess: (issuer) => client.setQueryData(issuerQueryKey, issuer),
  });
}

/** An admin revokes a certificate and its credential by the certificate's code; the reason goes to the audit log. */
export function useRevokeCredential() {
  return useMutation({
    mutationFn: (body: RevokeCredential): Promise<RevokedCredential> => api('credentials.adminRevoke', { body }),
  });
}
