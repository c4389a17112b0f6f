import { statement } from '../database/sql.js';

/*
 * The person's own signed-in devices (sessions): the SQL for ending them in bulk. Listing and
 * ending one device are still in privacy.service.ts.
 */

/**
 * Ends every session of the person except the one making the request; answers the ended ids.
 * Wrapped in a CTE because TypeORM's `query` answers a bare DELETE … RETURNING as [rows, count].
 */
export const endOtherSessions = statement<{ id: string }, [userId: string, currentSessionId: string]>(
  'my-sessions.endOthers',
  `WITH ended AS (
  DELETE FROM sessions s
   WHERE s.user_id = $1 AND s.id <> $2
  RETURNING s.id
)
SELECT ended.id FROM ended`,
);
