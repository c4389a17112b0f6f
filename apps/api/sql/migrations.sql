-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- migrations.applied
SELECT m.name FROM migrations m ORDER BY m."timestamp", m.id;

-- migrations.tablePresent
SELECT to_regclass('public.migrations') IS NOT NULL AS present;
