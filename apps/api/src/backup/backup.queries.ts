import type pg from 'pg';
import { statement, type Statement } from '../database/sql.js';

// The backup and restore commands talk to PostgreSQL through one `pg` client (a snapshot has to stay
// open on it while pg_dump runs), not through the app's data source: `query` below runs these.

const serverVersionSql = statement<{ version: string; num: number }>(
  'backup.serverVersion',
  `SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num`,
);

/** The snapshot pg_dump reads (`--snapshot`), so that the counts below and the dump see the same rows. */
const exportSnapshotSql = statement<{ snapshot: string }>(
  'backup.exportSnapshot',
  `SELECT pg_export_snapshot() AS snapshot`,
);

/** Exact rows in every table of the public schema, in one statement (query_to_xml runs a count per table). */
const tableCountsSql = statement<{ table: string; rows: string }>(
  'backup.tableCounts',
  `SELECT c.relname AS "table",
       (xpath('/row/n/text()',
              query_to_xml(format('SELECT count(*) AS n FROM %I.%I', ns.nspname, c.relname), false, true, '')))[1]::text AS "rows"
  FROM pg_class c
  JOIN pg_namespace ns ON ns.oid = c.relnamespace
 WHERE ns.nspname = 'public' AND c.relkind IN ('r', 'p')
 ORDER BY c.relname`,
);

/** Tables, views, sequences… outside PostgreSQL's own schemas: a restore target must have none. */
const userRelationsSql = statement<{ relations: number }>(
  'backup.userRelations',
  `SELECT count(*)::int AS relations
  FROM pg_class c
  JOIN pg_namespace ns ON ns.oid = c.relnamespace
 WHERE ns.nspname NOT IN ('pg_catalog', 'information_schema')
   AND ns.nspname NOT LIKE 'pg\\_toast%'
   AND ns.nspname NOT LIKE 'pg\\_temp%'
   AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
);

/** `restore --force`: everything in the public schema goes (the only schema Dari uses); two commands, one call. */
const recreatePublicSql = statement<never>(
  'backup.recreatePublicSchema',
  `DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public`,
);

async function query<Row, Params extends readonly unknown[]>(
  client: pg.ClientBase,
  s: Statement<Params, Row>,
  params: Params,
): Promise<Row[]> {
  return (await client.query(s.text, params as unknown as unknown[])).rows as Row[];
}

export async function serverVersion(client: pg.ClientBase): Promise<{ version: string; major: number }> {
  const [row] = await query(client, serverVersionSql, []);
  return { version: row.version, major: Math.floor(row.num / 10000) };
}

export async function exportSnapshot(client: pg.ClientBase): Promise<string> {
  return (await query(client, exportSnapshotSql, []))[0].snapshot;
}

export async function tableCounts(client: pg.ClientBase): Promise<Record<string, number>> {
  const rows = await query(client, tableCountsSql, []);
  return Object.fromEntries(rows.map((r) => [r.table, Number(r.rows)]));
}

export async function userRelations(client: pg.ClientBase): Promise<number> {
  return (await query(client, userRelationsSql, []))[0].relations;
}

export async function emptyPublicSchema(client: pg.ClientBase): Promise<void> {
  await query(client, recreatePublicSql, []);
}
