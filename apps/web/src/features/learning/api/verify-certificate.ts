import type { CertificateVerification } from '@dari/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type { CertificateVerification };

export function verifyCertificate(code: string, signal?: AbortSignal): Promise<CertificateVerification> {
  return api('certificates.verify', { params: { code }, signal });
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
