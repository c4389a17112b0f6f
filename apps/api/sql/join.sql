-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- join.revokeCode
WITH r AS (UPDATE join_codes SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND cohort_id = $2 RETURNING id)
   SELECT r.id FROM r;

-- join.useCode
UPDATE join_codes SET uses = uses + 1 WHERE id = $1;
