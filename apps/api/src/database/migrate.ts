import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { connectionOptions } from './data-source.js';
import { assertSchemaKnown, onDb } from './schema-state.js';

// Any fixed number: the advisory lock that lets one process at a time migrate a database.
const MIGRATION_LOCK = 7_347_201;

/**
 * Runs pending migrations, each in its own transaction; returns the names it ran. Several API
 * instances starting at once take turns: the others wait, then find nothing left to run.
 * A database that a newer Dari has migrated (a migration this code does not know) is refused with
 * NewerSchemaError before anything runs: `npm start`, the `migrate` step and restores stop there.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  return withStartupLock(databaseUrl, async () => {
    const ds = new DataSource(connectionOptions(databaseUrl, 2));
    await ds.initialize();
    try {
      await assertSchemaKnown(onDb(ds));
      const ran = await ds.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await ds.destroy();
    }
  });
}

/** Runs `fn` while holding the database's start-up lock: one instance at a time migrates or seeds. */
export async function withStartupLock<T>(databaseUrl: string, fn: () => Promise<T>): Promise<T> {
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await fn();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}
