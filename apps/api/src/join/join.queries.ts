import { type Db, run, statement } from '../database/sql.js';

/*
 * The join feature's SQL beside its TypeORM repository use: every statement whole, typed here; the
 * rules stay in JoinService. `apps/api/sql/join.sql` shows each exactly as PostgreSQL receives it.
 */

const useCodeSql = statement<never, [codeId: string]>(
  'join.useCode',
  `UPDATE join_codes SET uses = uses + 1 WHERE id = $1`,
);
/** Counts one use of the code. */
export const useCode = async (db: Db, codeId: string) => {
  await run(db, useCodeSql, [codeId]);
};

const revokeCodeSql = statement<{ id: string }, [codeId: string, cohortId: string]>(
  'join.revokeCode',
  `WITH r AS (UPDATE join_codes SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND cohort_id = $2 RETURNING id)
   SELECT r.id FROM r`,
);
/** Withdraws the cohort's code (once: a second revoke keeps the first time); whether it exists. */
export const revokeCode = async (db: Db, codeId: string, cohortId: string) =>
  (await run(db, revokeCodeSql, [codeId, cohortId])).length > 0;
