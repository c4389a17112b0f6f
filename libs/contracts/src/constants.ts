/** Plain values shared by api and web, with no zod: the web app's first page imports only these. */

/** Interface languages: Korean is the default, then English and Simplified Chinese. */
export const LOCALES = ['ko', 'en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ko';

export const ROLES = ['learner', 'instructor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Every error the API sends carries one of these codes. */
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
  'slug_taken',
  'stale_revision',
  'publish_blocked',
  'invalid_bundle',
  'invalid_file',
  'file_too_large',
  'wrong_course_code',
  'invalid_join_code',
  'join_code_expired',
  'join_code_used_up',
  'join_code_revoked',
  'privacy_not_accepted',
  'internal_error',
  'service_unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Header the web app sends on every state-changing request (CSRF defence beside Origin checks). */
export const CLIENT_HEADER = 'x-dari-client';
export const CLIENT_HEADER_VALUE = 'web';

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Reset codes look like `ABCD-EFGH-JKMN`: no 0/O or 1/I/L to mix up when read aloud or copied from paper. */
export const RESET_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Name of the session cookie. */
export const SESSION_COOKIE = 'dari_session';

/** The version of the privacy notice a person accepts when joining. */
export const PRIVACY_NOTICE_VERSION = '2026-11';
