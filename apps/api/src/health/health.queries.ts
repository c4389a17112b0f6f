import { type Db, run, statement } from '../database/sql.js';

const pingSql = statement<{ one: number }>('health.ping', `SELECT 1 AS one`);
/** Answers when the database does (throws when it does not). */
export async function ping(db: Db): Promise<void> {
  await run(db, pingSql, []);
}
