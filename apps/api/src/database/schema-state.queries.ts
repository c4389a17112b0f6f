import { statement } from './sql.js';

/** Whether TypeORM's record of the migrations run exists yet (an empty database has none). */
export const migrationsTablePresentSql = statement<{ present: boolean }>(
  'migrations.tablePresent',
  `SELECT to_regclass('public.migrations') IS NOT NULL AS present`,
);

/** The migrations this database has run, oldest first. */
export const migrationsAppliedSql = statement<{ name: string }>(
  'migrations.applied',
  `SELECT m.name FROM migrations m ORDER BY m."timestamp", m.id`,
);
