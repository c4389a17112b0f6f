import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/data-source.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { runMigrations } from '../src/database/migrate.js';
import { createTestDatabase } from './test-db.js';

describe('migrations', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('leave the schema exactly as the entities describe it', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are named <timestamp>-<VerbNoun> and listed in order', () => {
    const stamps = MIGRATIONS.map((m) => Number(/(\d{13})$/.exec(m.name)![1]));
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
  });

  it('run forward on a database with data in it, keep the data, and are idempotent', async () => {
    await ds.query(`INSERT INTO users (username, display_name, role) VALUES ('kept.user', '남은 사람', 'learner')`);
    expect(await runMigrations(db.url)).toEqual([]);
    expect(await ds.query(`SELECT display_name FROM users WHERE username = 'kept.user'`)).toEqual([
      { display_name: '남은 사람' },
    ]);
  });

  it('several processes migrating at once take turns', async () => {
    const results = await Promise.all([runMigrations(db.url), runMigrations(db.url), runMigrations(db.url)]);
    expect(results).toEqual([[], [], []]);
  });

  it('go down and up again', async () => {
    await ds.query(`DELETE FROM users`);
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await ds.query(`SELECT to_regclass('users') AS t`)).toEqual([{ t: null }]);
    await ds.runMigrations({ transaction: 'each' });
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });

  it('check constraints keep enums honest', async () => {
    await expect(
      ds.query(`INSERT INTO users (username, display_name, role) VALUES ('bad.role', 'x', 'superuser')`),
    ).rejects.toThrow(/chk_users_role/);
    await expect(
      ds.query(`INSERT INTO users (username, display_name, role, locale) VALUES ('bad.locale', 'x', 'learner', 'fr')`),
    ).rejects.toThrow(/chk_users_locale/);
  });
});
