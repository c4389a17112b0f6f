import { type Db, run, statement } from '../database/sql.js';

/*
 * The privacy feature's SQL: the data export, erasure (ERASURE_PLAN, erasure-plan.ts) and the admins'
 * audit log. Every statement whole, typed here; the rules stay in PrivacyService. `apps/api/sql/privacy.sql`
 * shows each exactly as PostgreSQL receives it.
 */

type Person = [userId: string];

// ---- export: everything Dari holds about the person `$1` ----

const exportStatements = {
  account: statement<Record<string, unknown>, Person>(
    'privacy.exportAccount',
    `SELECT id, username, display_name AS "displayName", role, status, locale, privacy_version AS "privacyVersion", privacy_accepted_at AS "privacyAcceptedAt",
              last_login_at AS "lastLoginAt", password_changed_at AS "passwordChangedAt", created_at AS "createdAt" FROM users WHERE id = $1`,
  ),
  sessions: statement<Record<string, unknown>, Person>(
    'privacy.exportSessions',
    `SELECT id, user_agent AS "userAgent", shared_device AS "sharedDevice", created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt" FROM sessions WHERE user_id = $1`,
  ),
  cohorts: statement<Record<string, unknown>, Person>(
    'privacy.exportCohorts',
    `SELECT c.name, m.role, m.added_at AS "addedAt" FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id WHERE m.user_id = $1`,
  ),
  enrolments: statement<Record<string, unknown>, Person>(
    'privacy.exportEnrolments',
    `SELECT e.course_id AS "courseId", c.slug, e.status, e.source, e.percent, e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt", e.withdrawn_at AS "withdrawnAt", e.last_activity_at AS "lastActivityAt" FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.user_id = $1`,
  ),
  lessonProgress: statement<Record<string, unknown>, Person>(
    'privacy.exportLessonProgress',
    `SELECT lesson_id AS "lessonId", course_id AS "courseId", status, time_spent_seconds AS "timeSpentSeconds", best_score AS "bestScore", passed, attempts, position, completed_at AS "completedAt" FROM lesson_progress WHERE user_id = $1`,
  ),
  quizAttempts: statement<Record<string, unknown>, Person>(
    'privacy.exportQuizAttempts',
    `SELECT lesson_id AS "lessonId", course_id AS "courseId", answers, correct, score, passed, submitted_at AS "submittedAt" FROM quiz_attempts WHERE user_id = $1`,
  ),
  learningEvents: statement<Record<string, unknown>, Person>(
    'privacy.exportLearningEvents',
    `SELECT id, type, lesson_id AS "lessonId", course_id AS "courseId", course_version AS "courseVersion", payload, occurred_at AS "occurredAt", received_at AS "receivedAt" FROM learning_events WHERE user_id = $1 ORDER BY occurred_at`,
  ),
  journal: statement<Record<string, unknown>, Person>(
    'privacy.exportJournal',
    `SELECT lesson_id AS "lessonId", course_id AS "courseId", text, shared, updated_at AS "updatedAt" FROM journal_entries WHERE user_id = $1`,
  ),
  wordList: statement<Record<string, unknown>, Person>(
    'privacy.exportWordList',
    `SELECT t.term, w.added_at AS "addedAt" FROM word_list w JOIN glossary_terms t ON t.id = w.term_id WHERE w.user_id = $1`,
  ),
  wordRequests: statement<Record<string, unknown>, Person>(
    'privacy.exportWordRequests',
    `SELECT text, status, lesson_id AS "lessonId", created_at AS "createdAt", answered_at AS "answeredAt" FROM word_requests WHERE user_id = $1`,
  ),
  certificates: statement<Record<string, unknown>, Person>(
    'privacy.exportCertificates',
    `SELECT code, name, course_title AS "courseTitle", issued_at AS "issuedAt", revoked_at AS "revokedAt" FROM certificates WHERE user_id = $1`,
  ),
  // Each credential ever issued for the person's certificates: its state, dates, and the signed JSON while
  // Dari still holds it (as written: `json` keeps the text, so the proof still holds in the export).
  credentials: statement<Record<string, unknown>, Person>(
    'privacy.exportCredentials',
    `SELECT cr.id, c.code AS "certificateCode", c.course_id AS "courseId", c.course_title AS "courseTitle",
            CASE WHEN cr.revoked_by IS NULL THEN 'issued' WHEN cr.revoked_by = 'learner' THEN 'withdrawn' ELSE 'revoked' END AS state,
            cr.issued_at AS "issuedAt", cr.revoked_at AS "revokedAt", NULLIF(cr.document, '')::json AS credential
       FROM credentials cr JOIN certificates c ON c.id = cr.certificate_id
      WHERE c.user_id = $1 ORDER BY cr.issued_at, cr.id`,
  ),
  notifications: statement<Record<string, unknown>, Person>(
    'privacy.exportNotifications',
    `SELECT kind, ref_type AS "refType", ref_id AS "refId", data, created_at AS "createdAt", read_at AS "readAt" FROM notifications WHERE user_id = $1 ORDER BY created_at`,
  ),
  questions: statement<Record<string, unknown>, Person>(
    'privacy.exportQuestions',
    `SELECT text, status, answer, lesson_id AS "lessonId", course_id AS "courseId", created_at AS "createdAt", answered_at AS "answeredAt", published_at AS "publishedAt" FROM lesson_questions WHERE user_id = $1 ORDER BY created_at`,
  ),
  announcementReads: statement<Record<string, unknown>, Person>(
    'privacy.exportAnnouncementReads',
    `SELECT announcement_id AS "announcementId", read_at AS "readAt" FROM announcement_reads WHERE user_id = $1 ORDER BY read_at`,
  ),
  auditEvents: statement<Record<string, unknown>, Person>(
    'privacy.exportAuditEvents',
    `SELECT occurred_at AS "occurredAt", action, (actor_id = $1) AS "byYou", details FROM audit_events WHERE actor_id = $1 OR target_user_id = $1 ORDER BY occurred_at`,
  ),
};
/** The person's rows of one part of the export. */
export const exportPart = (db: Db, part: keyof typeof exportStatements, userId: string) =>
  run(db, exportStatements[part], [userId]);

// ---- erasure, in this order, in one transaction (ERASURE_PLAN) ----

const erasureStatements = [
  statement<never, Person>(
    'privacy.erasePseudonymiseAccount',
    `UPDATE users SET username = 'erased-' || replace(id::text, '-', ''), display_name = '(erased)', password_hash = NULL, status = 'disabled',
                privacy_version = NULL, privacy_accepted_at = NULL, last_login_at = NULL, password_changed_at = NULL, erased_at = now(), updated_at = now()
          WHERE id = $1`,
  ),
  statement<never, Person>('privacy.eraseDeleteSessions', `DELETE FROM sessions WHERE user_id = $1`),
  statement<never, Person>('privacy.eraseDeleteResetCodes', `DELETE FROM reset_codes WHERE user_id = $1`),
  statement<never, Person>('privacy.eraseDeleteCourseInstructors', `DELETE FROM course_instructors WHERE user_id = $1`),
  statement<never, Person>('privacy.eraseDeleteJournal', `DELETE FROM journal_entries WHERE user_id = $1`),
  statement<never, Person>('privacy.eraseDeleteWordList', `DELETE FROM word_list WHERE user_id = $1`),
  statement<never, Person>('privacy.eraseDeleteWordRequests', `DELETE FROM word_requests WHERE user_id = $1`),
  statement<never, Person>('privacy.eraseDeleteDueNotices', `DELETE FROM due_notices WHERE user_id = $1`),
  statement<never, Person>('privacy.eraseDeleteQuestions', `DELETE FROM lesson_questions WHERE user_id = $1`),
  statement<never, Person>('privacy.eraseDeleteNotifications', `DELETE FROM notifications WHERE user_id = $1`),
  statement<never, Person>('privacy.eraseDeleteAnnouncementReads', `DELETE FROM announcement_reads WHERE user_id = $1`),
  statement<never, Person>(
    'privacy.eraseDeleteAnnouncementRecipients',
    `DELETE FROM announcement_recipients WHERE user_id = $1`,
  ),
  statement<never, Person>(
    'privacy.eraseClearAnnouncementsAuthor',
    `UPDATE announcements SET author_id = NULL WHERE author_id = $1`,
  ),
  statement<never, Person>(
    'privacy.eraseClearResetCodesCreatedBy',
    `UPDATE reset_codes SET created_by_id = NULL WHERE created_by_id = $1`,
  ),
  statement<never, Person>(
    'privacy.eraseClearMediaUploadedBy',
    `UPDATE media SET uploaded_by = NULL WHERE uploaded_by = $1`,
  ),
  statement<never, Person>(
    'privacy.eraseClearCertificates',
    `UPDATE certificates SET user_id = NULL, name = '' WHERE user_id = $1`,
  ),
  statement<never, Person>(
    'privacy.eraseClearWordRequestsAnsweredBy',
    `UPDATE word_requests SET answered_by = NULL WHERE answered_by = $1`,
  ),
  statement<never, Person>(
    'privacy.eraseClearQuestionsAnsweredBy',
    `UPDATE lesson_questions SET answered_by = NULL WHERE answered_by = $1`,
  ),
  statement<never, Person>(
    'privacy.eraseClearQaPublishedBy',
    `UPDATE lesson_qa SET published_by = NULL WHERE published_by = $1`,
  ),
  statement<never, Person>(
    'privacy.eraseClearGlossaryUpdatedBy',
    `UPDATE glossary_terms SET updated_by = NULL WHERE updated_by = $1`,
  ),
  statement<never, Person>(
    'privacy.eraseClearCohortsCreatedBy',
    `UPDATE cohorts SET created_by = NULL WHERE created_by = $1`,
  ),
  statement<never, Person>(
    'privacy.eraseClearJoinCodesCreatedBy',
    `UPDATE join_codes SET created_by = NULL WHERE created_by = $1`,
  ),
  statement<never, Person>(
    'privacy.eraseBlankQuizAnswers',
    `UPDATE quiz_attempts SET answers = '{}' WHERE user_id = $1`,
  ),
  statement<never, Person>(
    'privacy.eraseBlankLearningPayloads',
    `UPDATE learning_events SET payload = '{}' WHERE user_id = $1 AND type IN ('quiz_submitted', 'reflection_saved')`,
  ),
];
/** Erases the person `userId`: deletes, pseudonymises and clears every reference to them (erasure-plan.ts). */
export const eraseAll = async (db: Db, userId: string) => {
  for (const s of erasureStatements) await run(db, s, [userId]);
};

// ---- devices ----

export type SessionRow = {
  id: string;
  user_agent: string | null;
  shared_device: boolean;
  created_at: Date;
  last_seen_at: Date;
};
const sessionsSql = statement<SessionRow, Person>(
  'privacy.sessions',
  `SELECT s.id, s.user_agent, s.shared_device, s.created_at, s.last_seen_at FROM sessions s
    WHERE s.user_id = $1 AND s.expires_at > now() AND s.idle_expires_at > now() ORDER BY s.last_seen_at DESC`,
);
/** The person's live sessions, the latest used first. */
export const liveSessions = (db: Db, userId: string) => run(db, sessionsSql, [userId]);

const endSessionSql = statement<{ one: number }, [sessionId: string, userId: string]>(
  'privacy.endSession',
  `WITH d AS (DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING 1) SELECT 1 AS one FROM d`,
);
/** Ends one of the person's sessions; whether it was theirs. */
export const endSession = async (db: Db, sessionId: string, userId: string) =>
  (await run(db, endSessionSql, [sessionId, userId])).length > 0;

// ---- whom staff may erase ----

const accountSql = statement<{ id: string; role: string; erased_at: Date | null }, Person>(
  'privacy.account',
  `SELECT u.id, u.role, u.erased_at FROM users u WHERE u.id = $1`,
);
export const account = async (db: Db, userId: string) => (await run(db, accountSql, [userId])).at(0);

const anotherAdminSql = statement<{ one: number }, Person>(
  'privacy.anotherActiveAdmin',
  `SELECT 1 AS one FROM users u WHERE u.role = 'admin' AND u.status = 'active' AND u.id <> $1 LIMIT 1`,
);
/** Whether an active admin other than `userId` exists. */
export const anotherActiveAdmin = async (db: Db, userId: string) =>
  (await run(db, anotherAdminSql, [userId])).length > 0;

// ---- the audit log ----

/**
 * The admins' audit log, filtered by who, to whom, what and when. Every filter is optional and written
 * out: a filter not given ($n NULL) matches every row. PostgreSQL plans each call with the values
 * bound, so a NULL test folds away and a given filter uses its index as if written alone.
 * $1 actor, $2 target, $3 exact action, $4 action family (a LIKE prefix), $5 from, $6 to.
 */
export const AUDIT_LOG_COUNT = `
  SELECT count(*)::int AS total
    FROM audit_events a
   WHERE ($1::uuid IS NULL OR a.actor_id = $1) AND ($2::uuid IS NULL OR a.target_user_id = $2)
     AND ($3::text IS NULL OR a.action = $3) AND ($4::text IS NULL OR a.action LIKE $4 ESCAPE '\\')
     AND ($5::timestamptz IS NULL OR a.occurred_at >= $5) AND ($6::timestamptz IS NULL OR a.occurred_at < $6)`;
/** The same filters, a page of rows newest first; $7 limit, $8 offset. */
export const AUDIT_LOG_PAGE = `
  SELECT a.id, a.occurred_at, a.action, a.actor_id, ua.display_name AS actor_name, a.target_user_id, ut.display_name AS target_name, a.request_id, a.details
    FROM audit_events a LEFT JOIN users ua ON ua.id = a.actor_id LEFT JOIN users ut ON ut.id = a.target_user_id
   WHERE ($1::uuid IS NULL OR a.actor_id = $1) AND ($2::uuid IS NULL OR a.target_user_id = $2)
     AND ($3::text IS NULL OR a.action = $3) AND ($4::text IS NULL OR a.action LIKE $4 ESCAPE '\\')
     AND ($5::timestamptz IS NULL OR a.occurred_at >= $5) AND ($6::timestamptz IS NULL OR a.occurred_at < $6)
   ORDER BY a.occurred_at DESC, a.id LIMIT $7 OFFSET $8`;

type AuditFilters = [
  actorId: string | null,
  targetUserId: string | null,
  action: string | null,
  actionFamily: string | null,
  from: string | null,
  to: string | null,
];
export type AuditRow = {
  id: string;
  occurred_at: Date;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  target_user_id: string | null;
  target_name: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
};
const auditCountSql = statement<{ total: number }, AuditFilters>('privacy.auditLogCount', AUDIT_LOG_COUNT);
const auditPageSql = statement<AuditRow, [...AuditFilters, limit: number, offset: number]>(
  'privacy.auditLogPage',
  AUDIT_LOG_PAGE,
);
export const auditLogCount = async (db: Db, filters: AuditFilters) => (await run(db, auditCountSql, filters))[0].total;
export const auditLogPage = (db: Db, filters: AuditFilters, limit: number, offset: number) =>
  run(db, auditPageSql, [...filters, limit, offset]);

const allowPurgeSql = statement<never>('privacy.allowAuditPurge', `SET LOCAL dari.audit_purge = 'on'`);
const purgeSql = statement<{ one: number }, [retentionDays: number]>(
  'privacy.purgeAudit',
  `WITH d AS (DELETE FROM audit_events WHERE occurred_at < now() - make_interval(days => $1) RETURNING 1) SELECT 1 AS one FROM d`,
);
/** Deletes audit rows older than the retention period; how many (in a transaction: the trigger allows it only after SET LOCAL). */
export const purgeAudit = async (db: Db, retentionDays: number) => {
  await run(db, allowPurgeSql, []);
  return (await run(db, purgeSql, [retentionDays])).length;
};
