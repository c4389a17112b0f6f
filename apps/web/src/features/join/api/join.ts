import type { Locale, Me } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api';
import { startSession } from '../../../lib/session';

export interface JoinBody {
  code: string;
  username: string;
  displayName: string;
  password: string;
  locale: Locale;
}

/** Makes the learner account and signs the person in (the API sets the session cookie). */
export async function join(body: JoinBody): Promise<Me> {
  // The notice's version lives beside the contracts' zod schemas: it comes with the form's rules,
  // already loaded by the time the form is sent, so zod stays out of the page's first JavaScript.
  const { PRIVACY_NOTICE_VERSION } = await import('../join.schema');
  return apiRequest('/join', {
    method: 'POST',
    body: { ...body, acceptPrivacy: true, privacyVersion: PRIVACY_NOTICE_VERSION },
  });
}

export function useJoin() {
  const client = useQueryClient();
  return useMutation({ mutationFn: join, onSuccess: (me) => startSession(client, me) });
}
