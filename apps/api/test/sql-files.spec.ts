import { readdirSync, readFileSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredStatements, type Statement } from '../src/database/sql.js';
import { createTestDatabase } from './test-db.js';

/**
 * Every SQL statement of the API, as PostgreSQL receives it, in `apps/api/sql/<feature>.sql`: one
 * file per feature (the part of a statement's name before the first dot), statements in name order.
 * A change to any statement shows whole in the diff of its file. This test fails when a committed
 * file is stale, missing, or left over; `UPDATE_SQL=1` writes them. It also PREPAREs every statement
 * against a freshly migrated database, so a statement that does not parse or names a missing column
 * fails here rather than on the first request that runs it.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const src = path.resolve(here, '../src');
const sqlDir = path.resolve(here, '../sql');
const UPDATE = !!process.env.UPDATE_SQL;
const HEADER =
  '-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.\n' +
  '-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts\n';
/** What PREPARE accepts; anything else is a utility statement. */
const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|VALUES|MERGE|TABLE)\b/i;
/** Files in sql/ that are not a feature's statements. */
const NOT_STATEMENTS = new Set(['schema.sql']);

function queriesFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? queriesFiles(path.join(dir, e.name))
      : e.name.endsWith('.queries.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

export function render(statements: Iterable<Statement<readonly unknown[], unknown>>): Map<string, string> {
  const byFeature = new Map<string, Statement<readonly unknown[], unknown>[]>();
  for (const s of statements) {
    const feature = s.name.slice(0, s.name.indexOf('.'));
    byFeature.set(feature, [...(byFeature.get(feature) ?? []), s]);
  }
  const files = new Map<string, string>();
  for (const [feature, list] of [...byFeature].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const body = list
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((s) => `-- ${s.name}${s.prepare ? ' (prepared)' : ''}\n${s.text.trim()};\n`)
      .join('\n');
    files.set(`${feature}.sql`, `${HEADER}\n${body}`);
  }
  return files;
}

/** The first differing line, for a readable failure. */
function firstDifference(committed: string, wanted: string): string {
  const a = committed.split('\n');
  const b = wanted.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i])
      return `line ${i + 1}:\n  committed: ${a[i] ?? '(end of file)'}\n  generated: ${b[i] ?? '(end of file)'}`;
  return '';
}

describe('sql/<feature>.sql', () => {
  beforeAll(async () => {
    for (const f of queriesFiles(src).sort()) await import(pathToFileURL(f).href);
  });

  it('every queries file declares at least one statement, and every statement belongs to a feature', () => {
    expect(registeredStatements().size).toBeGreaterThan(0);
    for (const name of registeredStatements().keys()) expect(name).toMatch(/^[a-z][a-z0-9-]*\.[a-z][a-zA-Z0-9]*$/);
  });

  it('the committed files are the statements as PostgreSQL receives them', () => {
    const wanted = render(registeredStatements().values());
    const present = readdirSync(sqlDir).filter((f) => f.endsWith('.sql') && !NOT_STATEMENTS.has(f));
    const problems: string[] = [];
    for (const [file, text] of wanted) {
      const at = path.join(sqlDir, file);
      const committed = existsSync(at) ? readFileSync(at, 'utf8') : undefined;
      if (committed === text) continue;
      if (UPDATE) writeFileSync(at, text);
      else
        problems.push(
          committed === undefined
            ? `sql/${file} is missing`
            : `sql/${file} is stale, ${firstDifference(committed, text)}`,
        );
    }
    for (const file of present.filter((f) => !wanted.has(f))) {
      if (UPDATE) unlinkSync(path.join(sqlDir, file));
      else problems.push(`sql/${file} has no feature with statements (a feature was renamed or removed)`);
    }
    expect(
      problems,
      `${problems.join('\n')}\nRegenerate in apps/api: UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts`,
    ).toEqual([]);
  });

  describe('every statement parses against the migrated schema', () => {
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

    it('PREPAREs each one (then DEALLOCATE)', async () => {
      const failures: string[] = [];
      for (const s of registeredStatements().values()) {
        try {
          if (PREPARABLE.test(s.text)) {
            await client.query(`PREPARE sql_files_check AS ${s.text}`);
            await client.query('DEALLOCATE sql_files_check');
          } else {
            // A utility statement (SET LOCAL …) cannot be PREPAREd: run it in a transaction rolled back.
            await client.query('BEGIN');
            try {
              await client.query(s.text);
            } finally {
              await client.query('ROLLBACK');
            }
          }
        } catch (e) {
          failures.push(`${s.name}: ${(e as Error).message}`);
        }
      }
      expect(failures).toEqual([]);
    });
  });
});
