import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { routeUrl } from '@/lib/route-table';

/** Where the learner's own credential and badges download from (same-origin links, the session cookie). */
export const credentialDownloads = (certificateId: string) => ({
  json: routeUrl('credentials.get', { params: { id: certificateId }, query: { download: '1' } }),
  png: routeUrl('credentials.badgePng', { params: { id: certificateId } }),
  svg: routeUrl('credentials.badgeSvg', { params: { id: certificateId } }),
});

/**
 * Withdraw (revokes it: anyone holding it sees it as revoked) or ask for it again (a new credential).
 * `onChanged` refreshes whatever shows the certificate's credential state — after a failure too, since a
 * refusal (409) usually means the state moved meanwhile (an admin revoked it).
 */
export function useCredentialActions(certificateId: string, onChanged: () => unknown) {
  const withdraw = useMutation({
    mutationFn: () => api('credentials.withdraw', { params: { id: certificateId } }),
    onSettled: onChanged,
  });
  const issue = useMutation({
    mutationFn: () => api('credentials.issue', { params: { id: certificateId } }),
    onSettled: onChanged,
  });
  return { withdraw, issue };
}
