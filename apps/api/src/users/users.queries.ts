import { type Db, run, statement } from '../database/sql.js';

/*
 * The users feature's SQL beside its TypeORM repository use: every statement whole, typed here; the
 * rules stay in UsersService. `apps/api/sql/users.sql` shows each exactly as PostgreSQL receives it.
 */

const takenUsernamesSql = statement<{ username: string }, [usernames: string[]]>(
  'users.takenUsernames',
  `SELECT u.username FROM users u WHERE u.username = ANY($1::text[])`,
);
/** Which of these usernames an account already has. */
export const takenUsernames = async (db: Db, usernames: string[]) =>
  (await run(db, takenUsernamesSql, [usernames])).map((r) => r.username);

const renameSql = statement<never, [userId: string, displayName: string]>(
  'users.rename',
  `UPDATE users SET display_name = $2, updated_at = now() WHERE id = $1`,
);
/** Changes an account's display name. */
export const renameUser = async (db: Db, userId: string, displayName: string) => {
  await run(db, renameSql, [userId, displayName]);
};

const lockActiveAdminsSql = statement<{ id: string }>(
  'users.lockActiveAdmins',
  `SELECT u.id FROM users u WHERE u.role = 'admin' AND u.status = 'active' ORDER BY u.id FOR UPDATE`,
);
/** Locks the active admins, always in id order (two admins changing each other queue instead of deadlocking). */
export const lockActiveAdmins = async (db: Db) => {
  await run(db, lockActiveAdminsSql, []);
};

const otherActiveAdminsSql = statement<{ id: string }, [exceptId: string]>(
  'users.otherActiveAdmins',
  `SELECT u.id FROM users u WHERE u.role = 'admin' AND u.status = 'active' AND u.id <> $1`,
);
/** Whether an active admin other than `exceptId` exists. */
export const anotherActiveAdmin = async (db: Db, exceptId: string) =>
  (await run(db, otherActiveAdminsSql, [exceptId])).length > 0;
