import type { Cohort, Role } from '@dari/contracts';
import { notHeldElsewhereSql } from '../access/care.js';
import { type Db, run, statement } from '../database/sql.js';

/*
 * The cohorts feature's SQL (cohorts, their members and their courses): every statement whole, with
 * its parameters and rows typed beside it; the rules stay in CohortsService. `apps/api/sql/cohorts.sql`
 * shows each exactly as PostgreSQL receives it.
 */

export type CohortRole = 'manager' | 'instructor' | 'learner';

// ---- cohorts ----

const isManagerSql = statement<{ one: number }, [cohortId: string, userId: string]>(
  'cohorts.isManager',
  `SELECT 1 AS one FROM cohort_members cm WHERE cm.cohort_id = $1 AND cm.user_id = $2 AND cm.role = 'manager'`,
);
/** Whether `userId` is a manager of the cohort. */
export const isCohortManager = async (db: Db, cohortId: string, userId: string) =>
  (await run(db, isManagerSql, [cohortId, userId])).length > 0;

const allCohortIdsSql = statement<{ id: string }>(
  'cohorts.allIds',
  `SELECT c.id FROM cohorts c ORDER BY c.starts_on DESC NULLS LAST, c.created_at DESC`,
);
/** Every cohort, latest start first (admins). */
export const allCohortIds = async (db: Db) => (await run(db, allCohortIdsSql, [])).map((r) => r.id);

const managedCohortIdsSql = statement<{ id: string }, [managerId: string]>(
  'cohorts.managedIds',
  `SELECT c.id FROM cohorts c JOIN cohort_members m ON m.cohort_id = c.id AND m.user_id = $1 AND m.role = 'manager'
    ORDER BY c.starts_on DESC NULLS LAST, c.created_at DESC`,
);
/** The cohorts `managerId` manages, latest start first. */
export const managedCohortIds = async (db: Db, managerId: string) =>
  (await run(db, managedCohortIdsSql, [managerId])).map((r) => r.id);

const memberCountsSql = statement<Cohort['counts'], [cohortId: string]>(
  'cohorts.memberCounts',
  `SELECT count(*) FILTER (WHERE cm.role = 'manager')::int AS managers, count(*) FILTER (WHERE cm.role = 'instructor')::int AS instructors,
          count(*) FILTER (WHERE cm.role = 'learner')::int AS learners
     FROM cohort_members cm WHERE cm.cohort_id = $1`,
);
/** How many managers, instructors and learners the cohort has. */
export const memberCounts = async (db: Db, cohortId: string) => (await run(db, memberCountsSql, [cohortId]))[0];

export interface CohortCourseRow {
  course_id: string;
  slug: string;
  title: Cohort['courses'][number]['title'];
  due_on: string | null;
}
const cohortCoursesSql = statement<CohortCourseRow, [cohortId: string]>(
  'cohorts.courses',
  `SELECT cc.course_id, c.slug, c.title, to_char(cc.due_on, 'YYYY-MM-DD') AS due_on
     FROM cohort_courses cc JOIN courses c ON c.id = cc.course_id WHERE cc.cohort_id = $1 ORDER BY cc.assigned_at`,
);
/** The cohort's courses in assignment order. */
export const cohortCourses = (db: Db, cohortId: string) => run(db, cohortCoursesSql, [cohortId]);

// ---- members ----

/**
 * A cohort's members, optionally of one role ($2) and with a display name like $3 (an ILIKE pattern);
 * either filter not given (NULL) means every member of the cohort, on purpose. The NULL tests fold
 * away when PostgreSQL plans the call with its values.
 */
export const COHORT_MEMBERS_COUNT = `
  SELECT count(*)::int AS total
    FROM cohort_members m JOIN users u ON u.id = m.user_id
   WHERE m.cohort_id = $1 AND ($2::text IS NULL OR m.role = $2) AND ($3::text IS NULL OR u.display_name ILIKE $3)`;
/** The same members, a page in display-name order; $4 limit, $5 offset. */
export const COHORT_MEMBERS_PAGE = `
  SELECT m.user_id, u.display_name, m.role, m.added_at
    FROM cohort_members m JOIN users u ON u.id = m.user_id
   WHERE m.cohort_id = $1 AND ($2::text IS NULL OR m.role = $2) AND ($3::text IS NULL OR u.display_name ILIKE $3)
   ORDER BY u.display_name, u.id LIMIT $4 OFFSET $5`;
type MembersFilter = [cohortId: string, role: CohortRole | null, namePattern: string | null];
const membersCountSql = statement<{ total: number }, MembersFilter>('cohorts.membersCount', COHORT_MEMBERS_COUNT);
const membersPageSql = statement<
  { user_id: string; display_name: string; role: CohortRole; added_at: Date },
  [...MembersFilter, limit: number, offset: number]
>('cohorts.membersPage', COHORT_MEMBERS_PAGE);
/** How many members match the filter. */
export const countMembers = async (db: Db, ...filter: MembersFilter) =>
  (await run(db, membersCountSql, filter))[0].total;
/** A page of the members matching the filter. */
export const membersPage = (db: Db, filter: MembersFilter, limit: number, offset: number) =>
  run(db, membersPageSql, [...filter, limit, offset]);

const lookupsInWindowSql = statement<{ n: number }, [actorId: string]>(
  'cohorts.lookupsInWindow',
  `SELECT count(*)::int AS n FROM audit_events ae
    WHERE ae.actor_id = $1 AND ae.action = 'user.viewed' AND ae.occurred_at > now() - interval '15 minutes' AND ae.details->>'reason' = 'cohort_lookup'`,
);
/** How many account lookups `actorId` made in the last 15 minutes. */
export const lookupsInWindow = async (db: Db, actorId: string) => (await run(db, lookupsInWindowSql, [actorId]))[0].n;

export interface LookupRow {
  id: string;
  display_name: string;
  role: Role;
  member: CohortRole | null;
  reachable: boolean;
}
/** One statement for found and in reach, so an account out of reach costs what a missing one does. */
const lookupAccountSql = statement<LookupRow, [username: string, cohortId: string, actorId: string, admin: boolean]>(
  'cohorts.lookupAccount',
  `SELECT u.id, u.display_name, u.role, m.role AS member,
          ($4::boolean OR (u.role = 'learner' AND ${notHeldElsewhereSql('$3')})) AS reachable
     FROM users u LEFT JOIN cohort_members m ON m.user_id = u.id AND m.cohort_id = $2
    WHERE u.username = $1 AND u.status = 'active' AND u.erased_at IS NULL`,
);
/** The active account with this exact username, its membership of the cohort and whether the actor may take it on. */
export const lookupAccount = async (db: Db, username: string, cohortId: string, actorId: string, admin: boolean) =>
  (await run(db, lookupAccountSql, [username, cohortId, actorId, admin]))[0] as LookupRow | undefined;

const accountsSql = statement<{ id: string; role: string; status: string }, [userIds: string[]]>(
  'cohorts.accounts',
  `SELECT u.id, u.role, u.status FROM users u WHERE u.id = ANY($1::uuid[])`,
);
/** The accounts with these ids (their role and status). */
export const accounts = (db: Db, userIds: string[]) => run(db, accountsSql, [userIds]);

const lockEnrolmentsSql = statement<{ one: number }, [userId: string]>(
  'cohorts.lockEnrolments',
  `SELECT 1 AS one FROM enrolments e WHERE e.user_id = $1 ORDER BY e.id FOR SHARE`,
);
/**
 * Row locks go enrolments -> cohort_members -> users everywhere (AddAtRiskCourses): take the
 * person's enrolments first, or changing a membership while they complete a lesson (which holds an
 * enrolment and then updates their memberships) could deadlock.
 */
export const lockEnrolments = async (db: Db, userId: string) => {
  await run(db, lockEnrolmentsSql, [userId]);
};

const upsertMemberSql = statement<never, [cohortId: string, userId: string, role: CohortRole]>(
  'cohorts.upsertMember',
  `INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, $3)
   ON CONFLICT (cohort_id, user_id) DO UPDATE SET role = $3`,
);
/** Adds a member, or changes their role. */
export const upsertMember = async (db: Db, cohortId: string, userId: string, role: CohortRole) => {
  await run(db, upsertMemberSql, [cohortId, userId, role]);
};

const addMemberIfAbsentSql = statement<{ one: number }, [cohortId: string, userId: string, role: CohortRole]>(
  'cohorts.addMemberIfAbsent',
  `WITH ins AS (INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (cohort_id, user_id) DO NOTHING RETURNING 1)
   SELECT 1 AS one FROM ins`,
);
/** Adds a member unless they are one already; whether they were added. */
export const addMemberIfAbsent = async (db: Db, cohortId: string, userId: string, role: CohortRole) =>
  (await run(db, addMemberIfAbsentSql, [cohortId, userId, role])).length > 0;

const addMemberSql = statement<never, [cohortId: string, userId: string, role: CohortRole]>(
  'cohorts.addMember',
  `INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, $3)`,
);
/** Adds a member (a new account: they cannot be one yet). */
export const addMember = async (db: Db, cohortId: string, userId: string, role: CohortRole) => {
  await run(db, addMemberSql, [cohortId, userId, role]);
};

const deleteMemberSql = statement<{ one: number }, [cohortId: string, userId: string]>(
  'cohorts.deleteMember',
  `WITH d AS (DELETE FROM cohort_members WHERE cohort_id = $1 AND user_id = $2 RETURNING 1) SELECT 1 AS one FROM d`,
);
/** Removes a member; whether there was one. */
export const deleteMember = async (db: Db, cohortId: string, userId: string) =>
  (await run(db, deleteMemberSql, [cohortId, userId])).length > 0;

const isMemberSql = statement<{ one: number }, [cohortId: string, userId: string]>(
  'cohorts.isMember',
  `SELECT 1 AS one FROM cohort_members cm WHERE cm.cohort_id = $1 AND cm.user_id = $2`,
);
/** Whether `userId` is a member of the cohort in any role. */
export const isMember = async (db: Db, cohortId: string, userId: string) =>
  (await run(db, isMemberSql, [cohortId, userId])).length > 0;

const isLearnerSql = statement<{ one: number }, [cohortId: string, userId: string]>(
  'cohorts.isLearner',
  `SELECT 1 AS one FROM cohort_members cm WHERE cm.cohort_id = $1 AND cm.user_id = $2 AND cm.role = 'learner'`,
);
/** Whether `userId` is a learner of the cohort. */
export const isLearner = async (db: Db, cohortId: string, userId: string) =>
  (await run(db, isLearnerSql, [cohortId, userId])).length > 0;

const learnerMembershipSql = statement<{ added_at: Date }, [cohortId: string, userId: string]>(
  'cohorts.learnerMembership',
  `SELECT cm.added_at FROM cohort_members cm JOIN users u ON u.id = cm.user_id
    WHERE cm.cohort_id = $1 AND cm.user_id = $2 AND cm.role = 'learner' AND u.erased_at IS NULL`,
);
/** A learner's (not erased) membership of the cohort, or undefined. */
export const learnerMembership = async (db: Db, cohortId: string, userId: string) =>
  (await run(db, learnerMembershipSql, [cohortId, userId]))[0] as { added_at: Date } | undefined;

const learnerIdsSql = statement<{ user_id: string }, [cohortId: string]>(
  'cohorts.learnerIds',
  `SELECT cm.user_id FROM cohort_members cm WHERE cm.cohort_id = $1 AND cm.role = 'learner'`,
);
/** The cohort's learners. */
export const learnerIds = async (db: Db, cohortId: string) =>
  (await run(db, learnerIdsSql, [cohortId])).map((r) => r.user_id);

// ---- courses ----

const publishedCourseSql = statement<{ id: string }, [courseId: string]>(
  'cohorts.publishedCourse',
  `SELECT c.id FROM courses c WHERE c.id = $1 AND c.latest_version IS NOT NULL AND c.status <> 'archived'`,
);
/** Whether the course is published and not archived. */
export const isPublishedCourse = async (db: Db, courseId: string) =>
  (await run(db, publishedCourseSql, [courseId])).length > 0;

const assignCourseSql = statement<never, [cohortId: string, courseId: string, dueOn: string | null]>(
  'cohorts.assignCourse',
  `INSERT INTO cohort_courses (cohort_id, course_id, due_on) VALUES ($1, $2, $3)
   ON CONFLICT (cohort_id, course_id) DO UPDATE SET due_on = $3`,
);
/** Assigns a course to the cohort, or changes its due date. */
export const assignCourse = async (db: Db, cohortId: string, courseId: string, dueOn: string | null) => {
  await run(db, assignCourseSql, [cohortId, courseId, dueOn]);
};

const unassignCourseSql = statement<never, [cohortId: string, courseId: string]>(
  'cohorts.unassignCourse',
  `DELETE FROM cohort_courses WHERE cohort_id = $1 AND course_id = $2`,
);
/** Takes a course off the cohort (enrolments stay). */
export const unassignCourse = async (db: Db, cohortId: string, courseId: string) => {
  await run(db, unassignCourseSql, [cohortId, courseId]);
};

const enrolInCohortCoursesSql = statement<
  { id: string },
  [cohortId: string, userIds: string[], onlyCourseId: string | null]
>(
  'cohorts.enrolInCohortCourses',
  `WITH ins AS (
     INSERT INTO enrolments (user_id, course_id, source)
     SELECT u, cc.course_id, 'cohort' FROM unnest($2::uuid[]) AS u, cohort_courses cc
      WHERE cc.cohort_id = $1 AND ($3::uuid IS NULL OR cc.course_id = $3)
     ON CONFLICT (user_id, course_id) DO NOTHING RETURNING id)
   SELECT ins.id FROM ins`,
);
/** Enrols the people in the cohort's courses (or one of them); the new enrolments' ids. */
export const enrolInCohortCourses = async (db: Db, cohortId: string, userIds: string[], onlyCourseId: string | null) =>
  (await run(db, enrolInCohortCoursesSql, [cohortId, userIds, onlyCourseId])).map((r) => r.id);
