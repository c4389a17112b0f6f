import type { Role, UserStatus } from '@dari/contracts';
import { type Db, run, statement } from '../database/sql.js';
import type { toSummary } from './user-view.js';

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

// ---- the admin's list of accounts ----

/**
 * Accounts whose username or display name contains $1 (an ILIKE pattern, `%`, `_` and `\` escaped
 * by the caller), of role $2, of status $3; a filter not given (NULL) matches every account, on
 * purpose. The NULL tests fold away when PostgreSQL plans the call with its values.
 */
type AccountsFilter = [namePattern: string | null, role: Role | null, status: UserStatus | null];
const accountsCountSql = statement<{ total: number }, AccountsFilter>(
  'users.accountsCount',
  `SELECT count(*)::int AS total
     FROM users u
    WHERE ($1::text IS NULL OR u.username ILIKE $1 OR u.display_name ILIKE $1)
      AND ($2::text IS NULL OR u.role = $2)
      AND ($3::text IS NULL OR u.status = $3)`,
);
/** The columns of an account summary, named as on the entity. */
export type AccountRow = Parameters<typeof toSummary>[0];
/** The same accounts, a page in username order (usernames are unique); $4 limit, $5 offset. */
const accountsPageSql = statement<AccountRow, [...AccountsFilter, limit: number, offset: number]>(
  'users.accountsPage',
  `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.status, u.locale,
          u.created_at AS "createdAt", u.last_login_at AS "lastLoginAt"
     FROM users u
    WHERE ($1::text IS NULL OR u.username ILIKE $1 OR u.display_name ILIKE $1)
      AND ($2::text IS NULL OR u.role = $2)
      AND ($3::text IS NULL OR u.status = $3)
    ORDER BY u.username
    LIMIT $4 OFFSET $5`,
);
/** How many accounts match the filter. */
export const countAccounts = async (db: Db, ...filter: AccountsFilter) =>
  (await run(db, accountsCountSql, filter))[0].total;
/** A page of the accounts matching the filter. */
export const accountsPage = (db: Db, filter: AccountsFilter, limit: number, offset: number) =>
  run(db, accountsPageSql, [...filter, limit, offset]);
