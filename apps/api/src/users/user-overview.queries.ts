import type { DraftText } from '@dari/contracts';
import { type Db, run, statement } from '../database/sql.js';

/*
 * The admin's user page: where an account takes part. Each statement whole; the rules (who may read
 * it, auditing) stay in UserOverviewService.
 */

const cohortsSql = statement<
  { id: string; name: string; role: 'manager' | 'instructor' | 'learner' },
  [userId: string]
>(
  'user-overview.cohorts',
  `SELECT k.id, k.name, cm.role
     FROM cohort_members cm JOIN cohorts k ON k.id = cm.cohort_id
    WHERE cm.user_id = $1
    ORDER BY k.name, k.id`,
);
/** The cohorts the account is a member of, with its role in each. */
export const userCohorts = (db: Db, userId: string) => run(db, cohortsSql, [userId]);

const enrolmentsSql = statement<
  {
    course_id: string;
    title: DraftText;
    status: 'active' | 'completed' | 'withdrawn';
    percent: number;
    last_activity_at: Date | null;
  },
  [userId: string]
>(
  'user-overview.enrolments',
  `SELECT e.course_id, c.title, e.status, e.percent, e.last_activity_at
     FROM enrolments e JOIN courses c ON c.id = e.course_id
    WHERE e.user_id = $1
    ORDER BY e.enrolled_at, e.id`,
);
/** The account's course enrolments, oldest first. */
export const userEnrolments = (db: Db, userId: string) => run(db, enrolmentsSql, [userId]);

const roleSql = statement<{ role: string }, [userId: string]>(
  'user-overview.role',
  `SELECT u.role FROM users u WHERE u.id = $1`,
);
/** The account's role, or no row when there is no such account. */
export const userRole = (db: Db, userId: string) => run(db, roleSql, [userId]);
