import type { DraftText } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';

export interface CertificateVerification {
  name: string;
  courseTitle: DraftText;
  issuedAt: string;
  valid: boolean;
}

export function verifyCertificate(code: string, signal?: AbortSignal): Promise<CertificateVerification> {
  return apiRequest(`/certificates/verify/${encodeURIComponent(code)}`, { signal });
}

/** Public: anyone with the code sees the chosen name, the course, the date and whether it is valid. */
export function useCertificateVerification(code: string) {
  return useQuery(
    queryOptions({
      queryKey: ['certificate-verification', code],
      queryFn: ({ signal }) => verifyCertificate(code, signal),
      retry: false,
    }),
  );
}
