import type pg from 'pg';
import { statement, type Statement } from '../database/sql.js';

// The backup and restore commands talk to PostgreSQL through one `pg` client (a snapshot has to stay
// open on it while pg_dump or the COPYs run), not through the app's data source: `query` below runs these.

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

/**
 * The session settings the native format's COPY text is written and read under, as pg_dump sets them:
 * dates in ISO, intervals in PostgreSQL's style, floats with every digit, bytea in hex, times in UTC; no
 * timeout of the server's cuts a long COPY short.
 */
const copySettingsSql = statement<Record<string, string>>(
  'backup.copySettings',
  `SELECT set_config('datestyle', 'ISO', false) AS datestyle,
       set_config('intervalstyle', 'postgres', false) AS intervalstyle,
       set_config('extra_float_digits', '3', false) AS extra_float_digits,
       set_config('bytea_output', 'hex', false) AS bytea_output,
       set_config('timezone', 'UTC', false) AS timezone,
       set_config('statement_timeout', '0', false) AS statement_timeout,
       set_config('lock_timeout', '0', false) AS lock_timeout,
       set_config('idle_in_transaction_session_timeout', '0', false) AS idle_in_transaction_session_timeout`,
);

/**
 * Every table of the public schema with its columns (stored ones, in order) and the COPY statements
 * that write and read them, quoted by PostgreSQL itself (format's %I, quote_ident).
 */
const tableColumnsSql = statement<{ table: string; columns: string[]; copyOut: string; copyIn: string }>(
  'backup.tableColumns',
  `SELECT c.relname AS "table",
       array_agg(a.attname::text ORDER BY a.attnum) AS columns,
       format('COPY %I.%I (%s) TO STDOUT', ns.nspname, c.relname,
              string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)) AS "copyOut",
       format('COPY %I.%I (%s) FROM STDIN', ns.nspname, c.relname,
              string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)) AS "copyIn"
  FROM pg_class c
  JOIN pg_namespace ns ON ns.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
 WHERE ns.nspname = 'public' AND c.relkind = 'r'
 GROUP BY ns.nspname, c.relname
 ORDER BY c.relname`,
);

/** Which table references which (foreign keys within the public schema): the native format's load order. */
const foreignKeysSql = statement<{ table: string; references: string }>(
  'backup.foreignKeys',
  `SELECT DISTINCT r.relname AS "table", f.relname AS "references"
  FROM pg_constraint k
  JOIN pg_class r ON r.oid = k.conrelid
  JOIN pg_namespace rn ON rn.oid = r.relnamespace
  JOIN pg_class f ON f.oid = k.confrelid
  JOIN pg_namespace fn ON fn.oid = f.relnamespace
 WHERE k.contype = 'f' AND rn.nspname = 'public' AND fn.nspname = 'public'
 ORDER BY 1, 2`,
);

/** The public schema's sequences: the value nextval last gave (or the start, when it never ran). */
const sequenceValuesSql = statement<{ name: string; value: string; isCalled: boolean }>(
  'backup.sequenceValues',
  `SELECT sequencename::text AS name,
       coalesce(last_value, start_value)::text AS value,
       last_value IS NOT NULL AS "isCalled"
  FROM pg_sequences
 WHERE schemaname = 'public'
 ORDER BY sequencename`,
);

const setSequenceSql = statement<{ value: string }, [name: string, value: string, isCalled: boolean]>(
  'backup.setSequence',
  `SELECT setval(format('public.%I', $1::text)::regclass, $2::bigint, $3::boolean)::text AS value`,
);

/**
 * Restore (native format), before the rows go back in: no user trigger of any public table fires (the
 * counters come back as they were dumped, not counted a second time; the audit table's guard against
 * TRUNCATE is one), and what the migrations put in any table (their own list, backfills) goes. Needs
 * only to own the tables (the restoring user just created them), not superuser; the transaction undoes
 * it all if the restore fails.
 */
const disableTriggersAndEmptySql = statement<never>(
  'backup.disableTriggersAndEmpty',
  `DO $$
DECLARE
  t regclass;
  tables text;
BEGIN
  FOR t IN SELECT c.oid FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
            WHERE ns.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname LOOP
    EXECUTE format('ALTER TABLE %s DISABLE TRIGGER USER', t);
  END LOOP;
  SELECT string_agg(c.oid::regclass::text, ', ' ORDER BY c.relname) INTO tables
    FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
   WHERE ns.nspname = 'public' AND c.relkind = 'r';
  IF tables IS NOT NULL THEN
    EXECUTE 'TRUNCATE ' || tables;
  END IF;
END $$`,
);

/** Restore (native format): the triggers back on, before the load's transaction commits. */
const enableUserTriggersSql = statement<never>(
  'backup.enableUserTriggers',
  `DO $$
DECLARE t regclass;
BEGIN
  FOR t IN SELECT c.oid FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
            WHERE ns.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname LOOP
    EXECUTE format('ALTER TABLE %s ENABLE TRIGGER USER', t);
  END LOOP;
END $$`,
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

export async function copySettings(client: pg.ClientBase): Promise<void> {
  await query(client, copySettingsSql, []);
}

export interface TableColumns {
  table: string;
  columns: string[];
  copyOut: string;
  copyIn: string;
}

export async function tableColumns(client: pg.ClientBase): Promise<TableColumns[]> {
  return query(client, tableColumnsSql, []);
}

export async function foreignKeys(client: pg.ClientBase): Promise<{ table: string; references: string }[]> {
  return query(client, foreignKeysSql, []);
}

export interface SequenceValue {
  name: string;
  value: string;
  isCalled: boolean;
}

export async function sequenceValues(client: pg.ClientBase): Promise<SequenceValue[]> {
  return query(client, sequenceValuesSql, []);
}

export async function setSequence(client: pg.ClientBase, s: SequenceValue): Promise<void> {
  await query(client, setSequenceSql, [s.name, s.value, s.isCalled]);
}

export async function disableTriggersAndEmpty(client: pg.ClientBase): Promise<void> {
  await query(client, disableTriggersAndEmptySql, []);
}

export async function enableUserTriggers(client: pg.ClientBase): Promise<void> {
  await query(client, enableUserTriggersSql, []);
}
