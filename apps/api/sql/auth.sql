-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- auth.accountByUsername
SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.status, u.locale,
          u.password_hash AS "passwordHash", u.created_at AS "createdAt"
     FROM users u WHERE u.username = $1;

-- auth.appSecret
SELECT s.value FROM app_secrets s WHERE s.name = $1;

-- auth.clearAttempts
DELETE FROM login_throttle WHERE bucket = $1 AND key_hash = $2;

-- auth.countAttempt
INSERT INTO login_throttle (bucket, key_hash, window_start, failures) VALUES ($1, $2, $3, 1)
   ON CONFLICT (bucket, key_hash, window_start) DO UPDATE SET failures = login_throttle.failures + 1
   RETURNING failures;

-- auth.createSession
INSERT INTO sessions (user_id, token_hash, shared_device, user_agent, last_seen_at, idle_expires_at, expires_at)
   VALUES ($1, $2, $3, $4, now(), $5, $6) RETURNING id;

-- auth.deleteExpiredSessions
DELETE FROM sessions WHERE user_id = $1 AND (expires_at < now() OR idle_expires_at < now());

-- auth.deleteOldAttempts
DELETE FROM login_throttle WHERE window_start < now() - make_interval(secs => $1);

-- auth.deleteSession
DELETE FROM sessions WHERE id = $1;

-- auth.deleteSessionByToken
DELETE FROM sessions WHERE token_hash = $1;

-- auth.deleteSessionsOf
DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2;

-- auth.deviceAccounts
SELECT u.id, u.username, u.password_hash FROM users u
    WHERE u.id = ANY($1::uuid[]) AND u.status = 'active' AND u.password_hash IS NOT NULL AND u.erased_at IS NULL;

-- auth.giveBackAttempt
UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE bucket = $1 AND key_hash = $2 AND window_start = $3;

-- auth.insertResetCode
INSERT INTO reset_codes (user_id, code_hash, created_by_id, expires_at) VALUES ($1, $2, $3, $4);

-- auth.offerAppSecret
INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING;

-- auth.retireResetCodes
UPDATE reset_codes SET used_at = now() WHERE user_id = $1 AND used_at IS NULL;

-- auth.sessionOfToken (prepared)
SELECT s.id, s.user_id, u.role, s.shared_device, s.last_seen_at, s.idle_expires_at, s.expires_at
     FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = $1 AND s.expires_at > now() AND s.idle_expires_at > now() AND u.status = 'active';

-- auth.sessionShared
SELECT s.shared_device FROM sessions s WHERE s.id = $1;

-- auth.sessionsMarker
SELECT pg_notify('dari_sessions', $1);

-- auth.setPassword
UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1;

-- auth.signedIn
UPDATE users SET last_login_at = $2, updated_at = CURRENT_TIMESTAMP WHERE id = $1;

-- auth.touchSession
UPDATE sessions SET last_seen_at = now(), idle_expires_at = least(expires_at, now() + make_interval(secs => $2)) WHERE id = $1;

-- auth.useResetCode
WITH used AS (
     UPDATE reset_codes rc SET used_at = now()
       FROM users u
      WHERE rc.code_hash = $1 AND rc.used_at IS NULL AND rc.expires_at > now()
        AND u.id = rc.user_id AND u.username = $2 AND u.status = 'active'
      RETURNING rc.user_id)
   SELECT used.user_id FROM used;
