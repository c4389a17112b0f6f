-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- my-sessions.endOthers
WITH ended AS (
  DELETE FROM sessions s
   WHERE s.user_id = $1 AND s.id <> $2
  RETURNING s.id
)
SELECT ended.id FROM ended;
