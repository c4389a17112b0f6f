import type { DataSource, EntityManager } from 'typeorm';

/**
 * Whether a manager may act on a learner's credentials and account (one-time password codes,
 * erasure on request): the account is a learner's, is a learner in at least one cohort the
 * manager manages, and belongs to no cohort the manager does not manage. Without the last rule,
 * any manager could add another programme's learner to their own cohort (by id or username) and
 * then make a password code for them and sign in as them.
 */
export async function managerCaresFor(db: DataSource | EntityManager, managerId: string, userId: string): Promise<boolean> {
  return (await managerCaresForMany(db, managerId, [userId])).has(userId);
}

/** The same rule for many accounts in one query (a page of cohort members): the ids the manager cares for. */
export async function managerCaresForMany(db: DataSource | EntityManager, managerId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows: { id: string }[] = await db.query(
    `SELECT u.id FROM users u
      WHERE u.id = ANY($2::uuid[])
        AND u.role = 'learner'
        AND EXISTS (SELECT 1 FROM cohort_members lm JOIN cohort_members mm ON mm.cohort_id = lm.cohort_id AND mm.user_id = $1 AND mm.role = 'manager'
                     WHERE lm.user_id = u.id AND lm.role = 'learner')
        AND NOT EXISTS (SELECT 1 FROM cohort_members om
                         WHERE om.user_id = u.id
                           AND NOT EXISTS (SELECT 1 FROM cohort_members om_mm WHERE om_mm.cohort_id = om.cohort_id AND om_mm.user_id = $1 AND om_mm.role = 'manager'))`,
    [managerId, [...new Set(userIds)]],
  );
  return new Set(rows.map((r) => r.id));
}
