-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- backup.copySettings
SELECT set_config('datestyle', 'ISO', false) AS datestyle,
       set_config('intervalstyle', 'postgres', false) AS intervalstyle,
       set_config('extra_float_digits', '3', false) AS extra_float_digits,
       set_config('bytea_output', 'hex', false) AS bytea_output,
       set_config('timezone', 'UTC', false) AS timezone,
       set_config('statement_timeout', '0', false) AS statement_timeout,
       set_config('lock_timeout', '0', false) AS lock_timeout,
       set_config('idle_in_transaction_session_timeout', '0', false) AS idle_in_transaction_session_timeout;

-- backup.disableTriggersAndEmpty
DO $$
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
END $$;

-- backup.enableUserTriggers
DO $$
DECLARE t regclass;
BEGIN
  FOR t IN SELECT c.oid FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
            WHERE ns.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname LOOP
    EXECUTE format('ALTER TABLE %s ENABLE TRIGGER USER', t);
  END LOOP;
END $$;

-- backup.exportSnapshot
SELECT pg_export_snapshot() AS snapshot;

-- backup.foreignKeys
SELECT DISTINCT r.relname AS "table", f.relname AS "references"
  FROM pg_constraint k
  JOIN pg_class r ON r.oid = k.conrelid
  JOIN pg_namespace rn ON rn.oid = r.relnamespace
  JOIN pg_class f ON f.oid = k.confrelid
  JOIN pg_namespace fn ON fn.oid = f.relnamespace
 WHERE k.contype = 'f' AND rn.nspname = 'public' AND fn.nspname = 'public'
 ORDER BY 1, 2;

-- backup.recreatePublicSchema
DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;

-- backup.sequenceValues
SELECT sequencename::text AS name,
       coalesce(last_value, start_value)::text AS value,
       last_value IS NOT NULL AS "isCalled"
  FROM pg_sequences
 WHERE schemaname = 'public'
 ORDER BY sequencename;

-- backup.serverVersion
SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num;

-- backup.setSequence
SELECT setval(format('public.%I', $1::text)::regclass, $2::bigint, $3::boolean)::text AS value;

-- backup.tableColumns
SELECT c.relname AS "table",
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
 ORDER BY c.relname;

-- backup.tableCounts
SELECT c.relname AS "table",
       (xpath('/row/n/text()',
              query_to_xml(format('SELECT count(*) AS n FROM %I.%I', ns.nspname, c.relname), false, true, '')))[1]::text AS "rows"
  FROM pg_class c
  JOIN pg_namespace ns ON ns.oid = c.relnamespace
 WHERE ns.nspname = 'public' AND c.relkind IN ('r', 'p')
 ORDER BY c.relname;

-- backup.userRelations
SELECT count(*)::int AS relations
  FROM pg_class c
  JOIN pg_namespace ns ON ns.oid = c.relnamespace
 WHERE ns.nspname NOT IN ('pg_catalog', 'information_schema')
   AND ns.nspname NOT LIKE 'pg\_toast%'
   AND ns.nspname NOT LIKE 'pg\_temp%'
   AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f');
