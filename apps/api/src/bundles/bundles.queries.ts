import { type Db, run, statement } from '../database/sql.js';

/* The bundles feature's SQL. apps/api/sql/bundles.sql shows each statement whole. */

const courseCountSql = statement<{ n: number }>('bundles.courseCount', `SELECT count(*)::int AS n FROM courses`);
/** How many courses there are (the starter courses load only into an empty server). */
export async function courseCount(db: Db): Promise<number> {
  return (await run(db, courseCountSql, []))[0].n;
}
