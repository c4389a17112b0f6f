// Prints the SQL that would bring a freshly migrated database in line with the entities.
// Empty output means migrations and entities agree. To write a new migration: change the entities,
// run `npm run schema:diff -w apps/api`, put the statements in a new
// src/database/migrations/<timestamp>-<VerbNoun>.ts (with down), read them, add it to index.ts.
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/data-source.js';
import { EmbeddedPostgres } from '../src/database/embedded-postgres.js';

const db = await EmbeddedPostgres.start({
  baseDir: path.join(os.tmpdir(), `dari-schema-diff-${process.pid}`),
  ephemeral: true,
});
try {
  const ds = new DataSource(dataSourceOptions(db.url));
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) console.log('-- entities and migrations agree');
  for (const q of sql.upQueries) console.log(`${q.query};`);
  if (sql.downQueries.length) console.log('-- down:');
  for (const q of [...sql.downQueries].reverse()) console.log(`${q.query};`);
  await ds.destroy();
} finally {
  await db.destroy();
}
