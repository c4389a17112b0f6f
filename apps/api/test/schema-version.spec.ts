import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../src/database/migrate.js';
import { KNOWN_MIGRATIONS, NewerSchemaError } from '../src/database/schema-state.js';
import { createTestDatabase } from './test-db.js';

// `npm start` as a person runs it (the compiled entry point).
const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'start.js');

/**
 * An older Dari must not run on a database a newer one has migrated (issue 20, "Upgrades"): after a
 * rollback of the code, its queries would meet a schema they were not written for.
 */
describe('a database with a newer schema than the code knows', () => {
  let db: { url: string; drop: () => Promise<void> };
  let client: pg.Client;
  const future = 'AddSomethingLater9999999999999';

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('migrates a current database as before (nothing pending, nothing refused)', async () => {
    expect(await runMigrations(db.url)).toEqual([]);
    const names = (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY "timestamp"')).rows;
    expect(names.map((r) => r.name)).toEqual(KNOWN_MIGRATIONS);
  });

  it('is refused by the migrations step, naming the unknown migration, and nothing changes', async () => {
    await client.query('INSERT INTO migrations ("timestamp", name) VALUES ($1, $2)', [9999999999999, future]);
    const before = (await client.query('SELECT count(*)::int AS n FROM migrations')).rows[0].n as number;
    const refused = runMigrations(db.url);
    await expect(refused).rejects.toBeInstanceOf(NewerSchemaError);
    await expect(refused).rejects.toThrow(new RegExp(`does not know \\(${future}\\)`));
    expect((await client.query('SELECT count(*)::int AS n FROM migrations')).rows[0].n).toBe(before);
  });

  it('npm start exits with code 1 and says why, before it serves', () => {
    const r = spawnSync(process.execPath, [entry], {
      env: { ...process.env, DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toContain(
      `could not start: the database has 1 migration this version of Dari does not know (${future})`,
    );
    expect(r.stdout).not.toContain('Dari is running');
  });
});
