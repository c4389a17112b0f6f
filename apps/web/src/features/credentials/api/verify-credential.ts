import type { CredentialVerification } from '@dari/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';

export type { CredentialVerification };

/** Public: the server checks the proof, the issuer's key and the status list, and says what it found. */
export function verifyCredential(credential: Record<string, unknown>): Promise<CredentialVerification> {
  return api('credentials.verify', { body: credential });
}

export function useVerifyCredential() {
  return useMutation({ mutationFn: verifyCredential });
}
