/**
 * What happens to every column that refers to a person when their account is erased, and what
 * their data export includes. test/privacy.spec.ts walks the database schema and fails on any
 * column referring to users that is not listed here — a new table must decide.
 *
 * - delete: the rows go.
 * - pseudonymise: the rows stay (so the programme's numbers stay right) but point at an account row
 *   that no longer holds a username, name, password or anything else about the person; free text
 *   they wrote is blanked.
 * - null: the reference is cleared (staff actions on other things).
 */
export const ERASURE_PLAN: Record<string, 'delete' | 'pseudonymise' | 'null'> = {
  'users.id': 'pseudonymise',
  'sessions.user_id': 'delete',
  'reset_codes.user_id': 'delete',
  'reset_codes.created_by_id': 'null',
  'audit_events.actor_id': 'pseudonymise',
  'audit_events.target_user_id': 'pseudonymise',
  'courses.owner_id': 'pseudonymise',
  'course_instructors.user_id': 'delete',
  'course_versions.published_by': 'pseudonymise',
  'media.uploaded_by': 'null',
  'enrolments.user_id': 'pseudonymise',
  'learning_events.user_id': 'pseudonymise',
  'lesson_progress.user_id': 'pseudonymise',
  'quiz_attempts.user_id': 'pseudonymise',
  'journal_entries.user_id': 'delete',
  'certificates.user_id': 'null',
  'word_list.user_id': 'delete',
  'word_requests.user_id': 'delete',
  'word_requests.answered_by': 'null',
  'lesson_questions.user_id': 'delete',
  'lesson_questions.answered_by': 'null',
  'lesson_qa.published_by': 'null',
  'glossary_terms.updated_by': 'null',
  'cohorts.created_by': 'null',
  'cohort_members.user_id': 'pseudonymise',
  'join_codes.created_by': 'null',
  'due_notices.user_id': 'delete',
  'notifications.user_id': 'delete',
  'announcements.author_id': 'null',
  'announcement_recipients.user_id': 'delete',
  'announcement_reads.user_id': 'delete',
};
