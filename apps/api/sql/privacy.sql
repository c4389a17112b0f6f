-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- privacy.account
SELECT u.id, u.role, u.erased_at FROM users u WHERE u.id = $1;

-- privacy.allowAuditPurge
SET LOCAL dari.audit_purge = 'on';

-- privacy.anotherActiveAdmin
SELECT 1 AS one FROM users u WHERE u.role = 'admin' AND u.status = 'active' AND u.id <> $1 LIMIT 1;

-- privacy.auditLogCount
SELECT count(*)::int AS total
    FROM audit_events a
   WHERE ($1::uuid IS NULL OR a.actor_id = $1) AND ($2::uuid IS NULL OR a.target_user_id = $2)
     AND ($3::text IS NULL OR a.action = $3) AND ($4::text IS NULL OR a.action LIKE $4 ESCAPE '\')
     AND ($5::timestamptz IS NULL OR a.occurred_at >= $5) AND ($6::timestamptz IS NULL OR a.occurred_at < $6);

-- privacy.auditLogPage
SELECT a.id, a.occurred_at, a.action, a.actor_id, ua.display_name AS actor_name, a.target_user_id, ut.display_name AS target_name, a.request_id, a.details
    FROM audit_events a LEFT JOIN users ua ON ua.id = a.actor_id LEFT JOIN users ut ON ut.id = a.target_user_id
   WHERE ($1::uuid IS NULL OR a.actor_id = $1) AND ($2::uuid IS NULL OR a.target_user_id = $2)
     AND ($3::text IS NULL OR a.action = $3) AND ($4::text IS NULL OR a.action LIKE $4 ESCAPE '\')
     AND ($5::timestamptz IS NULL OR a.occurred_at >= $5) AND ($6::timestamptz IS NULL OR a.occurred_at < $6)
   ORDER BY a.occurred_at DESC, a.id LIMIT $7 OFFSET $8;

-- privacy.endSession
WITH d AS (DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING 1) SELECT 1 AS one FROM d;

-- privacy.eraseBlankLearningPayloads
UPDATE learning_events SET payload = '{}' WHERE user_id = $1 AND type IN ('quiz_submitted', 'reflection_saved');

-- privacy.eraseBlankQuizAnswers
UPDATE quiz_attempts SET answers = '{}' WHERE user_id = $1;

-- privacy.eraseClearAnnouncementsAuthor
UPDATE announcements SET author_id = NULL WHERE author_id = $1;

-- privacy.eraseClearCertificates
UPDATE certificates SET user_id = NULL, name = '' WHERE user_id = $1;

-- privacy.eraseClearCohortsCreatedBy
UPDATE cohorts SET created_by = NULL WHERE created_by = $1;

-- privacy.eraseClearGlossaryUpdatedBy
UPDATE glossary_terms SET updated_by = NULL WHERE updated_by = $1;

-- privacy.eraseClearJoinCodesCreatedBy
UPDATE join_codes SET created_by = NULL WHERE created_by = $1;

-- privacy.eraseClearMediaUploadedBy
UPDATE media SET uploaded_by = NULL WHERE uploaded_by = $1;

-- privacy.eraseClearQaPublishedBy
UPDATE lesson_qa SET published_by = NULL WHERE published_by = $1;

-- privacy.eraseClearQuestionsAnsweredBy
UPDATE lesson_questions SET answered_by = NULL WHERE answered_by = $1;

-- privacy.eraseClearResetCodesCreatedBy
UPDATE reset_codes SET created_by_id = NULL WHERE created_by_id = $1;

-- privacy.eraseClearWordRequestsAnsweredBy
UPDATE word_requests SET answered_by = NULL WHERE answered_by = $1;

-- privacy.eraseDeleteAnnouncementReads
DELETE FROM announcement_reads WHERE user_id = $1;

-- privacy.eraseDeleteAnnouncementRecipients
DELETE FROM announcement_recipients WHERE user_id = $1;

-- privacy.eraseDeleteCourseInstructors
DELETE FROM course_instructors WHERE user_id = $1;

-- privacy.eraseDeleteDueNotices
DELETE FROM due_notices WHERE user_id = $1;

-- privacy.eraseDeleteJournal
DELETE FROM journal_entries WHERE user_id = $1;

-- privacy.eraseDeleteNotifications
DELETE FROM notifications WHERE user_id = $1;

-- privacy.eraseDeleteQuestions
DELETE FROM lesson_questions WHERE user_id = $1;

-- privacy.eraseDeleteResetCodes
DELETE FROM reset_codes WHERE user_id = $1;

-- privacy.eraseDeleteSessions
DELETE FROM sessions WHERE user_id = $1;

-- privacy.eraseDeleteWordList
DELETE FROM word_list WHERE user_id = $1;

-- privacy.eraseDeleteWordRequests
DELETE FROM word_requests WHERE user_id = $1;

-- privacy.erasePseudonymiseAccount
UPDATE users SET username = 'erased-' || replace(id::text, '-', ''), display_name = '(erased)', password_hash = NULL, status = 'disabled',
                privacy_version = NULL, privacy_accepted_at = NULL, last_login_at = NULL, password_changed_at = NULL, erased_at = now(), updated_at = now()
          WHERE id = $1;

-- privacy.exportAccount
SELECT id, username, display_name AS "displayName", role, status, locale, privacy_version AS "privacyVersion", privacy_accepted_at AS "privacyAcceptedAt",
              last_login_at AS "lastLoginAt", password_changed_at AS "passwordChangedAt", created_at AS "createdAt" FROM users WHERE id = $1;

-- privacy.exportAnnouncementReads
SELECT announcement_id AS "announcementId", read_at AS "readAt" FROM announcement_reads WHERE user_id = $1 ORDER BY read_at;

-- privacy.exportAuditEvents
SELECT occurred_at AS "occurredAt", action, (actor_id = $1) AS "byYou", details FROM audit_events WHERE actor_id = $1 OR target_user_id = $1 ORDER BY occurred_at;

-- privacy.exportCertificates
SELECT code, name, course_title AS "courseTitle", issued_at AS "issuedAt", revoked_at AS "revokedAt" FROM certificates WHERE user_id = $1;

-- privacy.exportCohorts
SELECT c.name, m.role, m.added_at AS "addedAt" FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id WHERE m.user_id = $1;

-- privacy.exportCredentials
SELECT cr.id, c.code AS "certificateCode", c.course_id AS "courseId", c.course_title AS "courseTitle",
            CASE WHEN cr.revoked_by IS NULL THEN 'issued' WHEN cr.revoked_by = 'learner' THEN 'withdrawn' ELSE 'revoked' END AS state,
            cr.issued_at AS "issuedAt", cr.revoked_at AS "revokedAt", NULLIF(cr.document, '')::json AS credential
       FROM credentials cr JOIN certificates c ON c.id = cr.certificate_id
      WHERE c.user_id = $1 ORDER BY cr.issued_at, cr.id;

-- privacy.exportEnrolments
SELECT e.course_id AS "courseId", c.slug, e.status, e.source, e.percent, e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt", e.withdrawn_at AS "withdrawnAt", e.last_activity_at AS "lastActivityAt" FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.user_id = $1;

-- privacy.exportJournal
SELECT lesson_id AS "lessonId", course_id AS "courseId", text, shared, updated_at AS "updatedAt" FROM journal_entries WHERE user_id = $1;

-- privacy.exportLearningEvents
SELECT id, type, lesson_id AS "lessonId", course_id AS "courseId", course_version AS "courseVersion", payload, occurred_at AS "occurredAt", received_at AS "receivedAt" FROM learning_events WHERE user_id = $1 ORDER BY occurred_at;

-- privacy.exportLessonProgress
SELECT lesson_id AS "lessonId", course_id AS "courseId", status, time_spent_seconds AS "timeSpentSeconds", best_score AS "bestScore", passed, attempts, position, completed_at AS "completedAt" FROM lesson_progress WHERE user_id = $1;

-- privacy.exportNotifications
SELECT kind, ref_type AS "refType", ref_id AS "refId", data, created_at AS "createdAt", read_at AS "readAt" FROM notifications WHERE user_id = $1 ORDER BY created_at;

-- privacy.exportQuestions
SELECT text, status, answer, lesson_id AS "lessonId", course_id AS "courseId", created_at AS "createdAt", answered_at AS "answeredAt", published_at AS "publishedAt" FROM lesson_questions WHERE user_id = $1 ORDER BY created_at;

-- privacy.exportQuizAttempts
SELECT lesson_id AS "lessonId", course_id AS "courseId", answers, correct, score, passed, submitted_at AS "submittedAt" FROM quiz_attempts WHERE user_id = $1;

-- privacy.exportSessions
SELECT id, user_agent AS "userAgent", shared_device AS "sharedDevice", created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt" FROM sessions WHERE user_id = $1;

-- privacy.exportWordList
SELECT t.term, w.added_at AS "addedAt" FROM word_list w JOIN glossary_terms t ON t.id = w.term_id WHERE w.user_id = $1;

-- privacy.exportWordRequests
SELECT text, status, lesson_id AS "lessonId", created_at AS "createdAt", answered_at AS "answeredAt" FROM word_requests WHERE user_id = $1;

-- privacy.purgeAudit
WITH d AS (DELETE FROM audit_events WHERE occurred_at < now() - make_interval(days => $1) RETURNING 1) SELECT 1 AS one FROM d;

-- privacy.sessions
SELECT s.id, s.user_agent, s.shared_device, s.created_at, s.last_seen_at FROM sessions s
    WHERE s.user_id = $1 AND s.expires_at > now() AND s.idle_expires_at > now() ORDER BY s.last_seen_at DESC;
