import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { EmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

/**
 * One PostgreSQL for the run: TEST_DATABASE_URL (an admin URL of a server where databases may be
 * created) or a throwaway embedded cluster. A template database is migrated once; every test file
 * clones it (test/test-db.ts), so files run in parallel and never see each other's rows.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgres | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    embedded = await EmbeddedPostgres.start({
      baseDir: path.join(os.tmpdir(), `dari-test-${process.pid}-${Date.now()}`),
      ephemeral: true,
    });
    adminUrl = embedded.url;
  }
  const templateDb = `dari_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  process.stdout.write(`[api tests] PostgreSQL ${version} (${embedded ? 'embedded' : 'TEST_DATABASE_URL'})\n`);
  await admin.query(`CREATE DATABASE ${templateDb}`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${templateDb}`;
  await runMigrations(templateUrl.toString());
  await admin.end();

  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    if (embedded) {
      await embedded.destroy();
      return;
    }
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${templateDb}%`]);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(r.datname)} WITH (FORCE)`);
    await c.end();
  };
}
