import { z } from 'zod';
import { localeSchema, pageQuerySchema, roleSchema } from './common.js';
import { PASSWORD_MAX, PASSWORD_MIN, USER_STATUSES } from './constants.js';

// Control characters and bidi overrides have no place in names people see.
// eslint-disable-next-line no-control-regex -- control characters are what this pattern rejects
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/**
 * A username is how a person signs in. No email, phone or real name is ever asked.
 * Letters of any script, digits, dot, dash and underscore; compared case-insensitively.
 */
export const usernameSchema = z
  .string({ error: 'must be text' })
  .trim()
  .normalize('NFC')
  .toLowerCase()
  .min(2, { error: 'must be at least 2 characters' })
  .max(32, { error: 'must be at most 32 characters' })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, {
    error: 'may contain only letters, digits, dots, dashes and underscores, and must start with a letter or digit',
  });

/** What other people see: a nickname is fine. */
export const displayNameSchema = z
  .string({ error: 'must be text' })
  .trim()
  .normalize('NFC')
  .min(1, { error: 'must not be empty' })
  .max(50, { error: 'must be at most 50 characters' })
  .refine((v) => !CONTROL.test(v), { error: 'must not contain control characters' });

/** Length only: no composition rules (NIST 800-63B); the API also refuses common passwords. */
export const passwordSchema = z
  .string({ error: 'must be text' })
  .min(PASSWORD_MIN, { error: `must be at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX, { error: `must be at most ${PASSWORD_MAX} characters` });

export const userStatusSchema = z.enum(USER_STATUSES);

/** The signed-in person, as `GET /me` returns them. */
export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  locale: localeSchema,
  /** The session is short because the person said the phone is shared. */
  sharedDevice: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Me = z.infer<typeof meSchema>;

export const updateMeSchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    locale: localeSchema.optional(),
  })
  .refine((v) => v.displayName !== undefined || v.locale !== undefined, {
    error: 'give displayName or locale',
  });
export type UpdateMe = z.infer<typeof updateMeSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, { error: 'must not be empty' }).max(PASSWORD_MAX),
  newPassword: passwordSchema,
});
export type ChangePassword = z.infer<typeof changePasswordSchema>;

/** An admin's view of an account. */
export const userSummarySchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  status: userStatusSchema,
  locale: localeSchema,
  createdAt: z.iso.datetime({ offset: true }),
  lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const listUsersQuerySchema = z.strictObject({
  q: z.string().trim().max(100, { error: 'must be at most 100 characters' }).optional(),
  role: roleSchema.optional(),
  status: userStatusSchema.optional(),
  ...pageQuerySchema,
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const userListSchema = z.object({
  items: z.array(userSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type UserList = z.infer<typeof userListSchema>;

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  locale: localeSchema.default('ko'),
  /** Without a password the response carries a one-time code the person uses to set one. */
  password: passwordSchema.optional(),
});
export type CreateUser = z.input<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    status: userStatusSchema.optional(),
  })
  .refine((v) => Object.values<unknown>(v).some((x) => x !== undefined), {
    error: 'give displayName, role or status',
  });
export type UpdateUser = z.infer<typeof updateUserSchema>;

/** A one-time code for setting a new password, shown once to the staff member who made it. */
export const resetCodeSchema = z.object({
  code: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type ResetCode = z.infer<typeof resetCodeSchema>;

export const createdUserSchema = z.object({
  user: userSummarySchema,
  /** Present when the user was created without a password. */
  resetCode: resetCodeSchema.nullable(),
});
export type CreatedUser = z.infer<typeof createdUserSchema>;

// The type of every schema above that has no type beside it.
export type Username = z.infer<typeof usernameSchema>;
export type DisplayName = z.infer<typeof displayNameSchema>;
export type Password = z.infer<typeof passwordSchema>;

/** Where an account takes part, for the admin's user page: its cohorts and its course enrolments. */
export const userOverviewSchema = z.object({
  cohorts: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['manager', 'instructor', 'learner']) })),
  enrolments: z.array(
    z.object({
      courseId: z.uuid(),
      title: z.object({ ko: z.string(), en: z.string().optional(), zh: z.string().optional() }),
      status: z.enum(['active', 'completed', 'withdrawn']),
      percent: z.number().int().min(0).max(100),
      lastActivityAt: z.iso.datetime({ offset: true }).nullable(),
    }),
  ),
});
export type UserOverview = z.infer<typeof userOverviewSchema>;
