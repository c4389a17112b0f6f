import { z } from 'zod';

/** Adds a `confirmPassword` field that must equal `newPassword` (the message is translated by key). */
export function withPasswordConfirmation<S extends z.ZodRawShape & { newPassword: z.ZodType<string> }>(
  schema: z.ZodObject<S>,
) {
  return schema.extend({ confirmPassword: z.string() }).refine(
    (v) => {
      const values = v as { newPassword?: unknown; confirmPassword?: unknown };
      return values.newPassword === values.confirmPassword;
    },
    {
      path: ['confirmPassword'],
      params: { i18n: 'validation.passwordsDiffer' },
    },
  );
}
