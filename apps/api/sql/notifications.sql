-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- notifications.notify
INSERT INTO notifications (user_id, kind, ref_type, ref_id, data)
   SELECT u.id, $2, $3, $4, $5::jsonb
     FROM (SELECT DISTINCT r.user_id FROM unnest($1::uuid[]) AS r(user_id)) AS wanted
     JOIN users u ON u.id = wanted.user_id AND u.erased_at IS NULL
   RETURNING id;
