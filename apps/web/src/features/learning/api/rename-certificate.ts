import type { Certificate } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { certificatesQueryKey } from './get-certificates';

export function renameCertificate(id: string, name: string): Promise<Certificate> {
  return api('certificates.rename', { params: { id }, body: { name } });
}

/** The name on a certificate is the learner's choice (a nickname is fine). */
export function useRenameCertificate(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => renameCertificate(id, name),
    onSuccess: (updated) =>
      client.setQueryData<{ items: Certificate[] }>(certificatesQueryKey, (old) =>
        old ? { items: old.items.map((c) => (c.id === updated.id ? updated : c)) } : old,
      ),
  });
}
