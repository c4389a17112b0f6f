import { z } from 'zod';
import { ERROR_CODES, LOCALES, ROLES } from './constants.js';
import { publishProblemSchema } from './publish-problems.js';

// In the browser, zod must not probe for eval (`new Function`): Dari's CSP refuses it and the
// refusal is reported as a violation. The API (Node) keeps zod's faster compiled parsers.
if (typeof (globalThis as { document?: unknown }).document !== 'undefined') z.config({ jitless: true });

export const localeSchema = z.enum(LOCALES);
export const roleSchema = z.enum(ROLES);

export const uuidSchema = z.uuid({ error: 'must be a valid id' });

/** Path parameter `:id` of any resource. */
export const idParamSchema = z.strictObject({ id: uuidSchema });
export type IdParam = z.infer<typeof idParamSchema>;

export const errorCodeSchema = z.enum(ERROR_CODES);

export const fieldErrorSchema = z.object({
  /** Dotted path of the offending field, e.g. `body.username` or `query.page`. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** Every error the API sends has this one shape. */
export const errorBodySchema = z.object({
  status: z.number().int(),
  code: errorCodeSchema,
  message: z.string(),
  fields: z.array(fieldErrorSchema).optional(),
  /** Why a course cannot be published yet (publish_blocked). */
  problems: z.array(publishProblemSchema).optional(),
  /** A free address name to offer instead, on slug_taken. */
  suggestedSlug: z.string().optional(),
  /** Seconds to wait, on 429. */
  retryAfter: z.number().int().optional(),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

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

/**
 * Readiness (`GET /health/ready`), for a load balancer or orchestrator deciding whether to send
 * traffic: the database answers and its schema is the one this build expects. `schema`: `current`;
 * `behind` (migrations not run yet); `ahead` (a newer Dari migrated it); `unknown` (database down).
 */
export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['ok', 'down']),
  schema: z.enum(['current', 'behind', 'ahead', 'unknown']),
  version: z.string(),
});
export type Readiness = z.infer<typeof readinessSchema>;

// The type of every schema above that has no type beside it.
export type Uuid = z.infer<typeof uuidSchema>;
