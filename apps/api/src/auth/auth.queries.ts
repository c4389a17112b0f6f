import { type Db, run, statement } from '../database/sql.js';
import type { Role } from '@dari/contracts';
import type { SignInAccount } from './account.js';

/*
 * The sign-in feature's SQL over the users table (which users owns): every statement whole, typed
 * here. `apps/api/sql/auth.sql` shows each exactly as PostgreSQL receives it.
 */

const accountByUsernameSql = statement<SignInAccount, [username: string]>(
  'auth.accountByUsername',
  `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.status, u.locale,
          u.password_hash AS "passwordHash", u.created_at AS "createdAt"
     FROM users u WHERE u.username = $1`,
);
/** The account with this (normalised) username, or undefined. */
export const accountByUsername = async (db: Db, username: string) =>
  (await run(db, accountByUsernameSql, [username]))[0] as SignInAccount | undefined;

const signedInSql = statement<never, [userId: string, at: Date]>(
  'auth.signedIn',
  `UPDATE users SET last_login_at = $2, updated_at = CURRENT_TIMESTAMP WHERE id = $1`,
);
/** Notes the moment the person signed in. */
export const noteSignIn = async (db: Db, userId: string, at: Date) => {
  await run(db, signedInSql, [userId, at]);
};

// ---- sessions ----

type NewSessionParams = [
  userId: string,
  tokenHash: string,
  sharedDevice: boolean,
  userAgent: string | null,
  idleExpiresAt: Date,
  expiresAt: Date,
];
const createSessionSql = statement<{ id: string }, NewSessionParams>(
  'auth.createSession',
  `INSERT INTO sessions (user_id, token_hash, shared_device, user_agent, last_seen_at, idle_expires_at, expires_at)
   VALUES ($1, $2, $3, $4, now(), $5, $6) RETURNING id`,
);
/** A new session; its id. */
export const createSession = async (db: Db, params: NewSessionParams) =>
  (await run(db, createSessionSql, params))[0].id;

const deleteExpiredSessionsSql = statement<never, [userId: string]>(
  'auth.deleteExpiredSessions',
  `DELETE FROM sessions WHERE user_id = $1 AND (expires_at < now() OR idle_expires_at < now())`,
);
/** Tidies the person's expired sessions. */
export const deleteExpiredSessions = async (db: Db, userId: string) => {
  await run(db, deleteExpiredSessionsSql, [userId]);
};

export type SessionOfToken = {
  id: string;
  user_id: string;
  role: Role;
  shared_device: boolean;
  last_seen_at: Date;
  idle_expires_at: Date;
  expires_at: Date;
};
/** Every request asks this: prepared, so PostgreSQL plans it once per connection. */
const sessionOfTokenSql = statement<SessionOfToken, [tokenHash: string]>(
  'auth.sessionOfToken',
  `SELECT s.id, s.user_id, u.role, s.shared_device, s.last_seen_at, s.idle_expires_at, s.expires_at
     FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = $1 AND s.expires_at > now() AND s.idle_expires_at > now() AND u.status = 'active'`,
  { prepare: true },
);
/** The live session of an active account with this token hash, or undefined. */
export const sessionOfToken = async (db: Db, tokenHash: string) =>
  (await run(db, sessionOfTokenSql, [tokenHash]))[0] as SessionOfToken | undefined;

const touchSessionSql = statement<never, [sessionId: string, idleSeconds: number]>(
  'auth.touchSession',
  `UPDATE sessions SET last_seen_at = now(), idle_expires_at = least(expires_at, now() + make_interval(secs => $2)) WHERE id = $1`,
);
/** Notes the session's use and moves its idle timeout on (never past its absolute one). */
export const touchSession = async (db: Db, sessionId: string, idleSeconds: number) => {
  await run(db, touchSessionSql, [sessionId, idleSeconds]);
};

const sessionSharedSql = statement<{ shared_device: boolean }, [sessionId: string]>(
  'auth.sessionShared',
  `SELECT s.shared_device FROM sessions s WHERE s.id = $1`,
);
/** Whether the session was opened on a shared device. */
export const sessionShared = async (db: Db, sessionId: string) =>
  (await run(db, sessionSharedSql, [sessionId]))[0]?.shared_device ?? false;

const deleteSessionSql = statement<never, [sessionId: string]>(
  'auth.deleteSession',
  `DELETE FROM sessions WHERE id = $1`,
);
export const deleteSession = async (db: Db, sessionId: string) => {
  await run(db, deleteSessionSql, [sessionId]);
};

const deleteSessionByTokenSql = statement<never, [tokenHash: string]>(
  'auth.deleteSessionByToken',
  `DELETE FROM sessions WHERE token_hash = $1`,
);
export const deleteSessionByToken = async (db: Db, tokenHash: string) => {
  await run(db, deleteSessionByTokenSql, [tokenHash]);
};

const deleteSessionsOfSql = statement<never, [userId: string, keepSessionId: string | null]>(
  'auth.deleteSessionsOf',
  `DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2`,
);
/** Ends every session of the person but `keepSessionId` (null: all). */
export const deleteSessionsOf = async (db: Db, userId: string, keepSessionId: string | null) => {
  await run(db, deleteSessionsOfSql, [userId, keepSessionId]);
};

/** A marker on the session channel: when this process's listener hears it, it has heard every notice committed before. */
const sessionsMarkerSql = statement<never, [marker: string]>(
  'auth.sessionsMarker',
  `SELECT pg_notify('dari_sessions', $1)`,
);
export const sendSessionsMarker = async (db: Db, marker: string) => {
  await run(db, sessionsMarkerSql, [marker]);
};

// ---- sign-in limits ----

const countAttemptSql = statement<{ failures: number }, [bucket: string, keyHash: string, windowStart: Date]>(
  'auth.countAttempt',
  `INSERT INTO login_throttle (bucket, key_hash, window_start, failures) VALUES ($1, $2, $3, 1)
   ON CONFLICT (bucket, key_hash, window_start) DO UPDATE SET failures = login_throttle.failures + 1
   RETURNING failures`,
);
/** One more attempt in the bucket's window; how many there are now. */
export const countAttempt = async (db: Db, bucket: string, keyHash: string, windowStart: Date) =>
  (await run(db, countAttemptSql, [bucket, keyHash, windowStart]))[0].failures;

const deleteOldAttemptsSql = statement<never, [olderThanSeconds: number]>(
  'auth.deleteOldAttempts',
  `DELETE FROM login_throttle WHERE window_start < now() - make_interval(secs => $1)`,
);
export const deleteOldAttempts = async (db: Db, olderThanSeconds: number) => {
  await run(db, deleteOldAttemptsSql, [olderThanSeconds]);
};

const clearAttemptsSql = statement<never, [bucket: string, keyHash: string]>(
  'auth.clearAttempts',
  `DELETE FROM login_throttle WHERE bucket = $1 AND key_hash = $2`,
);
/** Forgets every attempt of the key in the bucket. */
export const clearAttempts = async (db: Db, bucket: string, keyHash: string) => {
  await run(db, clearAttemptsSql, [bucket, keyHash]);
};

const giveBackAttemptSql = statement<never, [bucket: string, keyHash: string, windowStart: Date]>(
  'auth.giveBackAttempt',
  `UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE bucket = $1 AND key_hash = $2 AND window_start = $3`,
);
/** Takes one attempt back from the key's current window. */
export const giveBackAttempt = async (db: Db, bucket: string, keyHash: string, windowStart: Date) => {
  await run(db, giveBackAttemptSql, [bucket, keyHash, windowStart]);
};

// ---- one-time password codes ----

const retireResetCodesSql = statement<never, [userId: string]>(
  'auth.retireResetCodes',
  `UPDATE reset_codes SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
);
/** Makes the person's unused codes unusable (a new one replaces them). */
export const retireResetCodes = async (db: Db, userId: string) => {
  await run(db, retireResetCodesSql, [userId]);
};

const insertResetCodeSql = statement<
  never,
  [userId: string, codeHash: string, createdById: string | null, expiresAt: Date]
>(
  'auth.insertResetCode',
  `INSERT INTO reset_codes (user_id, code_hash, created_by_id, expires_at) VALUES ($1, $2, $3, $4)`,
);
export const insertResetCode = async (
  db: Db,
  userId: string,
  codeHash: string,
  createdById: string | null,
  expiresAt: Date,
) => {
  await run(db, insertResetCodeSql, [userId, codeHash, createdById, expiresAt]);
};

/** Consumes the code atomically (it works once, even under concurrent use): whose it was, if it was valid. */
const useResetCodeSql = statement<{ user_id: string }, [codeHash: string, username: string]>(
  'auth.useResetCode',
  `WITH used AS (
     UPDATE reset_codes rc SET used_at = now()
       FROM users u
      WHERE rc.code_hash = $1 AND rc.used_at IS NULL AND rc.expires_at > now()
        AND u.id = rc.user_id AND u.username = $2 AND u.status = 'active'
      RETURNING rc.user_id)
   SELECT used.user_id FROM used`,
);
export const useResetCode = async (db: Db, codeHash: string, username: string) =>
  (await run(db, useResetCodeSql, [codeHash, username]))[0]?.user_id;

const setPasswordSql = statement<never, [userId: string, passwordHash: string]>(
  'auth.setPassword',
  `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
);
export const setPassword = async (db: Db, userId: string, passwordHash: string) => {
  await run(db, setPasswordSql, [userId, passwordHash]);
};

// ---- device cookies ----

const deviceAccountsSql = statement<{ id: string; username: string; password_hash: string }, [userIds: string[]]>(
  'auth.deviceAccounts',
  `SELECT u.id, u.username, u.password_hash FROM users u
    WHERE u.id = ANY($1::uuid[]) AND u.status = 'active' AND u.password_hash IS NOT NULL AND u.erased_at IS NULL`,
);
/** Of these accounts, the active ones with a password (a device cookie is signed with it). */
export const deviceAccounts = (db: Db, userIds: string[]) => run(db, deviceAccountsSql, [userIds]);

const appSecretSql = statement<{ value: string }, [name: string]>(
  'auth.appSecret',
  `SELECT s.value FROM app_secrets s WHERE s.name = $1`,
);
export const appSecret = async (db: Db, name: string) => (await run(db, appSecretSql, [name]))[0]?.value;

const offerAppSecretSql = statement<never, [name: string, value: string]>(
  'auth.offerAppSecret',
  `INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
);
/** Stores the secret unless another instance stored one first. */
export const offerAppSecret = async (db: Db, name: string, value: string) => {
  await run(db, offerAppSecretSql, [name, value]);
};
