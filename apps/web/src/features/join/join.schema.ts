// Loaded on demand by the join form: zod stays out of the page's first JavaScript.
import { displayNameSchema, localeSchema, passwordSchema, usernameSchema } from '@dari/contracts';

export { PRIVACY_NOTICE_VERSION } from '@dari/contracts';
import { z } from 'zod';
import { withPasswordConfirmation } from '../../lib/password-confirmation';

export const joinFormSchema = withPasswordConfirmation(
  z.object({
    username: usernameSchema,
    displayName: displayNameSchema,
    newPassword: passwordSchema,
    locale: localeSchema,
    acceptPrivacy: z.boolean().refine((v) => v, { params: { i18n: 'join.privacyRequired' } }),
  }),
);

export type JoinFormInput = z.input<typeof joinFormSchema>;
export type JoinFormValues = z.output<typeof joinFormSchema>;
