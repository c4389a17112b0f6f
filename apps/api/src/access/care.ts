import { type Db, run, statement } from '../database/sql.js';

/*
 * Manager scope: which learners a manager may take on, and which they care for (may act on their
 * credentials, name and account). The rules every feature asks (cohorts, privacy) live here once.
 */

/**
 * Over `u` (users): the person belongs to no cohort that the manager (the placeholder `manager`)
 * does not manage. In a cohort means a membership row; a cohort's end date changes nothing (its
 * manager still reports on the learner until they remove them). Inner aliases `om`, `om_mm` are used
 * nowhere else.
 */
export function notHeldElsewhereSql(manager: string): string {
  if (!/^\$[1-9][0-9]*$/.test(manager)) throw new Error(`not a placeholder: ${manager}`);
  return `NOT EXISTS (SELECT 1 FROM cohort_members om
                       WHERE om.user_id = u.id
                         AND NOT EXISTS (SELECT 1 FROM cohort_members om_mm WHERE om_mm.cohort_id = om.cohort_id AND om_mm.user_id = ${manager} AND om_mm.role = 'manager'))`;
}

/** Of the accounts `$2`, the learners the manager `$1` may take on. */
const mayTakeOnSql = statement<{ id: string }, [managerId: string, userIds: string[]]>(
  'access.managerMayTakeOn',
  `SELECT u.id FROM users u
    WHERE u.id = ANY($2::uuid[])
      AND u.role = 'learner'
      AND ${notHeldElsewhereSql('$1')}`,
);

/** Of the accounts `$2`, the learners the manager `$1` cares for. */
const caresForSql = statement<{ id: string }, [managerId: string, userIds: string[]]>(
  'access.managerCaresFor',
  `SELECT u.id FROM users u
    WHERE u.id = ANY($2::uuid[])
      AND u.role = 'learner'
      AND EXISTS (SELECT 1 FROM cohort_members lm JOIN cohort_members mm ON mm.cohort_id = lm.cohort_id AND mm.user_id = $1 AND mm.role = 'manager'
                   WHERE lm.user_id = u.id AND lm.role = 'learner')
      AND ${notHeldElsewhereSql('$1')}`,
);

/**
 * The learners a manager may take on (find by username and add to a cohort they manage): learner
 * accounts that are in no cohort the manager does not manage — in no cohort at all, or only in the
 * manager's own. A learner another programme holds is not theirs to pull in: the learner joins with
 * that cohort's join code themselves (their consent), or an admin adds them. Staff accounts are never
 * a manager's to find. Admins are not asked: they reach everyone.
 */
export async function managerMayTakeOn(db: Db, managerId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await run(db, mayTakeOnSql, [managerId, [...new Set(userIds)]]);
  return new Set(rows.map((r) => r.id));
}

/**
 * Whether a manager may act on a learner's credentials and account (one-time password codes,
 * erasure on request): the account is a learner's, is a learner in at least one cohort the
 * manager manages, and belongs to no cohort the manager does not manage. Without the last rule,
 * an admin's (or a join code's) sharing of a learner between two programmes would let either
 * manager make a password code for them and sign in as them.
 */
export async function managerCaresFor(db: Db, managerId: string, userId: string): Promise<boolean> {
  return (await managerCaresForMany(db, managerId, [userId])).has(userId);
}

/** The same rule for many accounts in one query (a page of cohort members): the ids the manager cares for. */
export async function managerCaresForMany(db: Db, managerId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await run(db, caresForSql, [managerId, [...new Set(userIds)]]);
  return new Set(rows.map((r) => r.id));
}
