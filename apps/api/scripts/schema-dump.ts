// Writes apps/api/sql/schema.sql: the schema a fresh migration makes (tables, constraints, indexes,
// every function and trigger), read from the catalogues of a throwaway database. Uses a throwaway
// embedded PostgreSQL, or a database created on TEST_DATABASE_URL's server when that is set (an
// admin URL, as for the tests). The output is the same on PostgreSQL 15 and 18.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { EmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';
import { dumpSchema } from '../src/database/schema-dump.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../sql/schema.sql');
let embedded: EmbeddedPostgres | undefined;
let adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  embedded = await EmbeddedPostgres.start({
    baseDir: path.join(os.tmpdir(), `dari-schema-dump-${process.pid}`),
    ephemeral: true,
  });
  adminUrl = embedded.url;
}
const name = `dari_schema_dump_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
try {
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try {
    writeFileSync(target, await dumpSchema(c));
  } finally {
    await c.end();
  }
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  console.log(`wrote ${path.relative(process.cwd(), target)} (PostgreSQL ${version})`);
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await embedded?.destroy();
}
