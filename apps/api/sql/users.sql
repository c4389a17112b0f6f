-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- users.lockActiveAdmins
SELECT u.id FROM users u WHERE u.role = 'admin' AND u.status = 'active' ORDER BY u.id FOR UPDATE;

-- users.otherActiveAdmins
SELECT u.id FROM users u WHERE u.role = 'admin' AND u.status = 'active' AND u.id <> $1;

-- users.rename
UPDATE users SET display_name = $2, updated_at = now() WHERE id = $1;

-- users.takenUsernames
SELECT u.username FROM users u WHERE u.username = ANY($1::text[]);
