import type { Join, Me } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { startSession } from '../../../lib/session';

/** The form's fields; the consent and the notice's version are added when it is sent. */
export type JoinBody = Omit<Join, 'acceptPrivacy' | 'privacyVersion'>;

/** Makes the learner account and signs the person in (the API sets the session cookie). */
export async function join(body: JoinBody): Promise<Me> {
  // The notice's version lives beside the contracts' zod schemas: it comes with the form's rules,
  // already loaded by the time the form is sent, so zod stays out of the page's first JavaScript.
  const { PRIVACY_NOTICE_VERSION } = await import('../join.schema');
  return api('join.join', { body: { ...body, acceptPrivacy: true, privacyVersion: PRIVACY_NOTICE_VERSION } });
}

export function useJoin() {
  const client = useQueryClient();
  return useMutation({ mutationFn: join, onSuccess: (me) => startSession(client, me) });
}
