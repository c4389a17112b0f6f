import { z } from 'zod';
import { PASSWORD_MAX, RESET_CODE_ALPHABET } from './constants.js';
import { passwordSchema } from './users.js';

export const loginSchema = z.strictObject({
  username: z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(64, { error: 'must be at most 64 characters' }),
  password: z
    .string({ error: 'must be text' })
    .min(1, { error: 'must not be empty' })
    .max(PASSWORD_MAX, { error: `must be at most ${PASSWORD_MAX} characters` }),
  /** "This is a shared phone": a short session that ends soon after the person stops. */
  sharedDevice: z.boolean({ error: 'must be true or false' }).optional(),
});
export type Login = z.infer<typeof loginSchema>;

export const resetCodeInputSchema = z
  .string({ error: 'must be text' })
  .trim()
  .toUpperCase()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .regex(new RegExp(`^[${RESET_CODE_ALPHABET}]{12}$`), { error: 'must be the 12-character code you were given' }),
  );

export const redeemResetCodeSchema = z.strictObject({
  username: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }).max(64),
  code: resetCodeInputSchema,
  newPassword: passwordSchema,
});
export type RedeemResetCode = z.input<typeof redeemResetCodeSchema>;

// The type of every schema above that has no type beside it.
export type ResetCodeInput = z.input<typeof resetCodeInputSchema>;
