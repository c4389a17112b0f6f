import { z } from 'zod';

/** Interface languages: Korean is the default, then English and Simplified Chinese. */
export const LOCALES = ['ko', 'en', 'zh'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;
export const DEFAULT_LOCALE: Locale = 'ko';

export const ROLES = ['learner', 'instructor', 'manager', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const uuidSchema = z.uuid({ error: 'must be a valid id' });

/** Path parameter `:id` of any resource. */
export const idParamSchema = z.strictObject({ id: uuidSchema });
export type IdParam = z.infer<typeof idParamSchema>;

/** Every error the API sends has this one shape. */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'forbidden',
  'csrf_rejected',
  'not_found',
  'method_not_allowed',
  'conflict',
  'invalid_credentials',
  'account_disabled',
  'too_many_attempts',
  'password_too_common',
  'password_reused',
  'wrong_password',
  'username_taken',
  'invalid_reset_code',
  'last_admin',
  'own_account',
  'internal_error',
  'service_unavailable',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const fieldErrorSchema = z.object({
  /** Dotted path of the offending field, e.g. `body.username` or `query.page`. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const errorBodySchema = z.object({
  status: z.number().int(),
  code: errorCodeSchema,
  message: z.string(),
  fields: z.array(fieldErrorSchema).optional(),
  /** Seconds to wait, on 429. */
  retryAfter: z.number().int().optional(),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Header the web app sends on every state-changing request (CSRF defence beside Origin checks). */
export const CLIENT_HEADER = 'x-dari-client';
export const CLIENT_HEADER_VALUE = 'web';

export const pageQuerySchema = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'down']),
  version: z.string(),
});
export type Health = z.infer<typeof healthSchema>;
