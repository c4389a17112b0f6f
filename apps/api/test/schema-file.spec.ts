import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpSchema } from '../src/database/schema-dump.js';
import { createTestDatabase } from './test-db.js';

/**
 * apps/api/sql/schema.sql is the schema a fresh migration makes (tables, constraints, indexes, every
 * trigger function as it is now), so a migration's effect reads whole in a diff. This test fails when
 * the committed file differs from a freshly migrated database; `npm run schema:dump` (or
 * UPDATE_SQL=1 here) writes it. The dump is the same on PostgreSQL 15 and 18.
 */

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../sql/schema.sql');

describe('sql/schema.sql', () => {
  let db: { url: string; drop: () => Promise<void> };
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    // beforeAll may have failed before setting these.
    await (client as pg.Client | undefined)?.end();
    await (db as typeof db | undefined)?.drop();
  });

  it('is the schema of a freshly migrated database', async () => {
    const wanted = await dumpSchema(client);
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (committed !== wanted && process.env.UPDATE_SQL) writeFileSync(file, wanted);
    else if (committed !== wanted) {
      const a = committed.split('\n');
      const b = wanted.split('\n');
      const i = a.findIndex((line, n) => line !== b[n]);
      const at = i === -1 ? a.length : i;
      expect.fail(
        `sql/schema.sql is stale (run \`npm run schema:dump\`), from line ${at + 1}:\n` +
          `  committed: ${a[at] ?? '(end of file)'}\n  migrated:  ${b[at] ?? '(end of file)'}`,
      );
    }
  });
});
