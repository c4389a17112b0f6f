-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- users.accountsCount
SELECT count(*)::int AS total
     FROM users u
    WHERE ($1::text IS NULL OR u.username ILIKE $1 OR u.display_name ILIKE $1)
      AND ($2::text IS NULL OR u.role = $2)
      AND ($3::text IS NULL OR u.status = $3);

-- users.accountsPage
SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.status, u.locale,
          u.created_at AS "createdAt", u.last_login_at AS "lastLoginAt"
     FROM users u
    WHERE ($1::text IS NULL OR u.username ILIKE $1 OR u.display_name ILIKE $1)
      AND ($2::text IS NULL OR u.role = $2)
      AND ($3::text IS NULL OR u.status = $3)
    ORDER BY u.username
    LIMIT $4 OFFSET $5;

-- users.lockActiveAdmins
SELECT u.id FROM users u WHERE u.role = 'admin' AND u.status = 'active' ORDER BY u.id FOR UPDATE;

-- users.otherActiveAdmins
SELECT u.id FROM users u WHERE u.role = 'admin' AND u.status = 'active' AND u.id <> $1;

-- users.rename
UPDATE users SET display_name = $2, updated_at = now() WHERE id = $1;

-- users.takenUsernames
SELECT u.username FROM users u WHERE u.username = ANY($1::text[]);
