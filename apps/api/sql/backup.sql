-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- backup.exportSnapshot
SELECT pg_export_snapshot() AS snapshot;

-- backup.recreatePublicSchema
DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;

-- backup.serverVersion
SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num;

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
