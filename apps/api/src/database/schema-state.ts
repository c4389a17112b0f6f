import type pg from 'pg';
import { MIGRATIONS } from './migrations/index.js';
import { migrationsAppliedSql, migrationsTablePresentSql } from './schema-state.queries.js';
import { run, type Db, type Statement } from './sql.js';

/** Runs one parameterless statement on whatever connection the caller has. */
export type RunStatement = <Row>(s: Statement<[], Row>) => Promise<Row[]>;

export const onClient =
  (client: pg.ClientBase): RunStatement =>
  async <Row>(s: Statement<[], Row>) =>
    (await client.query(s.text)).rows as Row[];

export const onDb =
  (db: Db): RunStatement =>
  <Row>(s: Statement<[], Row>) =>
    run(db, s, []);

/** The migrations this build of Dari knows, oldest first. */
export const KNOWN_MIGRATIONS: readonly string[] = MIGRATIONS.map((m) => m.name);

export interface SchemaState {
  /** Migrations the database has run, oldest first. */
  applied: string[];
  /** Known to the code, not run yet. */
  pending: string[];
  /** Run on the database, unknown to the code: a newer Dari migrated it. */
  unknown: string[];
}

export async function schemaState(q: RunStatement): Promise<SchemaState> {
  const [{ present }] = await q(migrationsTablePresentSql);
  const applied = present ? (await q(migrationsAppliedSql)).map((r) => r.name) : [];
  const done = new Set(applied);
  const known = new Set(KNOWN_MIGRATIONS);
  return {
    applied,
    pending: KNOWN_MIGRATIONS.filter((m) => !done.has(m)),
    unknown: applied.filter((m) => !known.has(m)),
  };
}

/** Thrown before anything runs on a database that a newer Dari has migrated. */
export class NewerSchemaError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `the database has ${unknown.length} migration${unknown.length === 1 ? '' : 's'} this version of Dari does not know ` +
        `(${unknown.join(', ')}): a newer Dari has run on it. Start that newer version, or restore a backup taken ` +
        'before the upgrade; running an older Dari on a newer schema could damage the data, so it will not start.',
    );
    this.name = 'NewerSchemaError';
  }
}

/** Refuses (NewerSchemaError) a database with migrations the code does not know. */
export async function assertSchemaKnown(q: RunStatement): Promise<SchemaState> {
  const state = await schemaState(q);
  if (state.unknown.length) throw new NewerSchemaError(state.unknown);
  return state;
}
