import { z } from 'zod';

/**
 * In-app notifications (issue 17, docs/learning-together.md). Dari has no email or phone number for
 * anyone, so what a learner must know reaches them here. A notification holds no text a learner wrote
 * and no other person's name: only its kind, what it is about (`ref`) and a few ids or numbers in
 * `data`; the web renders each kind's sentence from the i18n catalogue.
 */
export const notificationKind = z.enum([
  'course_assigned',
  'due_date_changed',
  'due_soon',
  'overdue',
  'question_answered',
  'word_request_answered',
  'announcement',
  'certificate_issued',
]);
export type NotificationKind = z.infer<typeof notificationKind>;

/** What a notification is about (the page it links to). */
export const notificationRefType = z.enum(['course', 'cohort', 'lesson', 'question', 'certificate', 'announcement']);
export type NotificationRefType = z.infer<typeof notificationRefType>;
