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

/** An announcement's text: short Markdown, Korean required, English and Chinese optional. */
export const ANNOUNCEMENT_MAX = 2000;
export const announcementTextSchema = z
  .strictObject({
    ko: z
      .string({ error: 'must be text' })
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(ANNOUNCEMENT_MAX, { error: `must be at most ${ANNOUNCEMENT_MAX} characters` }),
    en: z
      .string({ error: 'must be text' })
      .trim()
      .max(ANNOUNCEMENT_MAX, { error: `must be at most ${ANNOUNCEMENT_MAX} characters` })
      .optional(),
    zh: z
      .string({ error: 'must be text' })
      .trim()
      .max(ANNOUNCEMENT_MAX, { error: `must be at most ${ANNOUNCEMENT_MAX} characters` })
      .optional(),
  })
  .transform((t) => ({ ko: t.ko, ...(t.en ? { en: t.en } : {}), ...(t.zh ? { zh: t.zh } : {}) }));
export type AnnouncementText = z.infer<typeof announcementTextSchema>;

/** POST /cohorts/:id/announcements: to the cohort's learners, or only those at risk now. */
export const createCohortAnnouncementSchema = z.strictObject({
  text: announcementTextSchema,
  atRiskOnly: z.boolean().default(false),
});
export type CreateCohortAnnouncement = z.infer<typeof createCohortAnnouncementSchema>;
/** POST /authoring/courses/:id/announcements: to the course's learners. */
export const createCourseAnnouncementSchema = z.strictObject({ text: announcementTextSchema });
export type CreateCourseAnnouncement = z.infer<typeof createCourseAnnouncementSchema>;

/** An announcement as its audience reads it: no author's name. */
export const announcementSchema = z.object({
  id: z.uuid(),
  audience: z.enum(['cohort', 'course']),
  /** The cohort's or course's id. */
  targetId: z.uuid(),
  text: z.object({ ko: z.string(), en: z.string().optional(), zh: z.string().optional() }),
  atRiskOnly: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  /** Only for the learner: whether they have read it. */
  read: z.boolean().optional(),
  /** Only for staff: how many have read it and how many it was sent to (counts, never who). */
  readCount: z.number().int().optional(),
  audienceCount: z.number().int().optional(),
  /**
   * Only on the learner's course and cohort pages: the text as sanitised HTML, rendered by the server with
   * the lessons' rules (@dari/contracts/markdown), so those pages load no Markdown engine.
   */
  html: z.object({ ko: z.string(), en: z.string().optional(), zh: z.string().optional() }).optional(),
});
export type Announcement = z.infer<typeof announcementSchema>;
export const announcementListSchema = z.object({ items: z.array(announcementSchema) });
export type AnnouncementList = z.infer<typeof announcementListSchema>;
/** GET /me/announcements?course=… or ?cohort=…: what was sent to me there. */
export const myAnnouncementsQuerySchema = z
  .strictObject({ course: z.uuid().optional(), cohort: z.uuid().optional() })
  .refine((q) => Boolean(q.course) !== Boolean(q.cohort), { error: 'give either course or cohort' });

/** One line of the inbox: a notification, or an announcement addressed to me. */
export const inboxItemSchema = z.object({
  id: z.uuid(),
  kind: notificationKind,
  ref: z.object({ type: notificationRefType, id: z.uuid() }),
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  createdAt: z.iso.datetime({ offset: true }),
  read: z.boolean(),
  /** Where it links: the course's address when it is about a course, a lesson or a course's announcement. */
  courseSlug: z.string().nullable(),
  /**
   * An announcement's text (the inbox shows it whole) as sanitised HTML in every language it has, rendered by
   * the server with the lessons' rules as on the course page, so the inbox loads no Markdown engine; null for
   * other kinds.
   */
  html: z.object({ ko: z.string(), en: z.string().optional(), zh: z.string().optional() }).nullable(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;
export const inboxQuerySchema = z.strictObject({
  /** The `next` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{13,16}_[0-9a-f-]{36}$/, { error: 'is not a page cursor' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;
export const inboxPageSchema = z.object({ items: z.array(inboxItemSchema), next: z.string().nullable() });
export type InboxPage = z.infer<typeof inboxPageSchema>;
export const unreadCountSchema = z.object({ unread: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof unreadCountSchema>;
