import { type Db, run, statement } from '../database/sql.js';
import type { CourseEntity } from './course.entity.js';

/* The courses feature's SQL (authoring, publishing, access). apps/api/sql/courses.sql shows each statement whole. */

// ---- access ----

const isCoInstructorSql = statement<{ one: number }, [courseId: string, userId: string]>(
  'courses.isCoInstructor',
  `SELECT 1 AS one FROM course_instructors WHERE course_id = $1 AND user_id = $2`,
);
export async function isCoInstructor(db: Db, courseId: string, userId: string): Promise<boolean> {
  return (await run(db, isCoInstructorSql, [courseId, userId])).length > 0;
}

/** The lesson `$1` (null when missing) and whether the caller `$2` owns or co-teaches its course. One row either way. */
const lessonForCallerSql = statement<{ id: string | null; teaches: boolean }, [lessonId: string, callerId: string]>(
  'courses.lessonForCaller',
  `SELECT l.id, coalesce(c.owner_id = $2 OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = $2), false) AS teaches
     FROM (SELECT $1::uuid AS wanted) w
     LEFT JOIN lessons l ON l.id = w.wanted
     LEFT JOIN courses c ON c.id = l.course_id`,
);
export async function lessonForCaller(
  db: Db,
  lessonId: string,
  callerId: string,
): Promise<{ id: string | null; teaches: boolean }> {
  return (await run(db, lessonForCallerSql, [lessonId, callerId]))[0];
}

// ---- the draft ----

const nextModulePositionSql = statement<{ next: number }, [courseId: string]>(
  'courses.nextModulePosition',
  `SELECT coalesce(max(position), -1) + 1 AS next FROM course_modules WHERE course_id = $1`,
);
export async function nextModulePosition(db: Db, courseId: string): Promise<number> {
  return (await run(db, nextModulePositionSql, [courseId]))[0].next;
}

const nextLessonPositionSql = statement<{ next: number }, [moduleId: string]>(
  'courses.nextLessonPosition',
  `SELECT coalesce(max(position), -1) + 1 AS next FROM lessons WHERE module_id = $1`,
);
export async function nextLessonPosition(db: Db, moduleId: string): Promise<number> {
  return (await run(db, nextLessonPositionSql, [moduleId]))[0].next;
}

const touchContentSql = statement<never, [courseId: string]>(
  'courses.touchContent',
  `UPDATE courses SET content_changed_at = now() WHERE id = $1`,
);
/** The course's content changed (a lesson was saved). */
export async function touchContent(db: Db, courseId: string): Promise<void> {
  await run(db, touchContentSql, [courseId]);
}

const bumpRevisionSql = statement<never, [courseId: string]>(
  'courses.bumpRevision',
  `UPDATE courses SET revision = revision + 1, content_changed_at = now(), updated_at = now() WHERE id = $1`,
);
/** A change to the draft's settings or outline: the next revision. */
export async function bumpRevision(db: Db, courseId: string): Promise<void> {
  await run(db, bumpRevisionSql, [courseId]);
}

const takenSlugsSql = statement<{ slug: string }, [candidates: string[]]>(
  'courses.takenSlugs',
  `SELECT slug FROM courses WHERE slug = ANY($1)`,
);
/** Which of these address names are taken. */
export async function takenSlugs(db: Db, candidates: string[]): Promise<Set<string>> {
  return new Set((await run(db, takenSlugsSql, [candidates])).map((r) => r.slug));
}

export interface CoursePersonRow {
  id: string;
  display_name: string;
  is_owner: boolean;
}
/** The owner `$2` and the co-instructors of course `$1`, by name. */
const coursePeopleSql = statement<CoursePersonRow, [courseId: string, ownerId: string | null]>(
  'courses.coursePeople',
  `SELECT u.id, u.display_name, u.id = $2 AS is_owner FROM users u
    WHERE u.id = $2 OR u.id IN (SELECT user_id FROM course_instructors WHERE course_id = $1)
    ORDER BY u.display_name`,
);
export const coursePeople = (db: Db, courseId: string, ownerId: string | null) =>
  run(db, coursePeopleSql, [courseId, ownerId]);

const courseMinutesSql = statement<{ minutes: number }, [courseId: string]>(
  'courses.courseMinutes',
  `SELECT coalesce(sum(estimated_minutes), 0)::int AS minutes FROM lessons WHERE course_id = $1`,
);
/** The draft's estimated minutes: the sum over its lessons. */
export async function courseMinutes(db: Db, courseId: string): Promise<number> {
  return (await run(db, courseMinutesSql, [courseId]))[0].minutes;
}

const renumberModulesSql = statement<never, [courseId: string]>(
  'courses.renumberModules',
  `UPDATE course_modules cm SET position = r.rn - 1
     FROM (SELECT id, row_number() OVER (ORDER BY position) AS rn FROM course_modules WHERE course_id = $1) r
    WHERE cm.id = r.id`,
);
const renumberLessonsSql = statement<never, [courseId: string]>(
  'courses.renumberLessons',
  `UPDATE lessons l SET position = r.rn - 1
     FROM (SELECT id, row_number() OVER (PARTITION BY module_id ORDER BY position) AS rn FROM lessons WHERE course_id = $1) r
    WHERE l.id = r.id`,
);
/** Positions 0, 1, 2… again: modules in the course, lessons in each module. */
export async function renumber(db: Db, courseId: string): Promise<void> {
  await run(db, renumberModulesSql, [courseId]);
  await run(db, renumberLessonsSql, [courseId]);
}

const courseMediaIdsSql = statement<{ id: string }, [courseId: string]>(
  'courses.courseMediaIds',
  `SELECT id FROM media WHERE course_id = $1`,
);
/** The ids of the course's media files. */
export async function courseMediaIds(db: Db, courseId: string): Promise<Set<string>> {
  return new Set((await run(db, courseMediaIdsSql, [courseId])).map((r) => r.id));
}

const isCourseMediaSql = statement<{ one: number }, [mediaId: string, courseId: string]>(
  'courses.isCourseMedia',
  `SELECT 1 AS one FROM media WHERE id = $1 AND course_id = $2`,
);
export async function isCourseMedia(db: Db, mediaId: string, courseId: string): Promise<boolean> {
  return (await run(db, isCourseMediaSql, [mediaId, courseId])).length > 0;
}

// ---- publishing ----

export interface VersionRow {
  version: number;
  published_at: Date;
  published_by: string | null;
  display_name: string | null;
  lesson_count: number;
}
/** The published versions of course `$1`, newest first, with who published each. */
const versionsSql = statement<VersionRow, [courseId: string]>(
  'courses.versions',
  `SELECT v.version, v.published_at, v.published_by, u.display_name, v.lesson_count
     FROM course_versions v LEFT JOIN users u ON u.id = v.published_by
    WHERE v.course_id = $1 ORDER BY v.version DESC`,
);
export const versions = (db: Db, courseId: string) => run(db, versionsSql, [courseId]);

/** After a publish: content changed no later than the publish, so "unpublished changes" is false. */
const contentPublishedSql = statement<never, [courseId: string, publishedAt: Date]>(
  'courses.contentPublished',
  `UPDATE courses SET content_changed_at = least(content_changed_at, $2) WHERE id = $1`,
);
export async function contentPublished(db: Db, courseId: string, publishedAt: Date): Promise<void> {
  await run(db, contentPublishedSql, [courseId, publishedAt]);
}

// ---- the author's list of courses ----

/** A course's columns, named as on the entity (the owner relation is not loaded). */
export type CourseRow = Omit<CourseEntity, 'owner'>;

/**
 * An instructor's courses: those $1 owns or co-teaches, with status $2, whose address or title (in
 * any language) contains $3 (an ILIKE pattern, `%`, `_` and `\` escaped by the caller). A status or
 * text not given (NULL) matches every course, on purpose; the NULL tests fold away when PostgreSQL
 * plans the call with its values. The teacher is always given: everyone's courses are the next pair.
 */
type TaughtCoursesFilter = [teacherId: string, status: CourseRow['status'] | null, textPattern: string | null];
const taughtCoursesCountSql = statement<{ total: number }, TaughtCoursesFilter>(
  'courses.taughtCoursesCount',
  `SELECT count(*)::int AS total
     FROM courses c
    WHERE (c.owner_id = $1 OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = $1))
      AND ($2::text IS NULL OR c.status = $2)
      AND ($3::text IS NULL OR c.slug ILIKE $3
           OR c.title->>'ko' ILIKE $3 OR c.title->>'en' ILIKE $3 OR c.title->>'zh' ILIKE $3)`,
);
/** The same courses, a page with the latest changed first; $4 limit, $5 offset. */
const taughtCoursesPageSql = statement<CourseRow, [...TaughtCoursesFilter, limit: number, offset: number]>(
  'courses.taughtCoursesPage',
  `SELECT c.id, c.slug, c.status, c.language, c.title, c.summary, c.tags, c.enrolment_policy AS "enrolmentPolicy",
          c.course_code AS "courseCode", c.sequential, c.cover_media_id AS "coverMediaId", c.owner_id AS "ownerId",
          c.revision, c.latest_version AS "latestVersion", c.published_at AS "publishedAt",
          c.content_changed_at AS "contentChangedAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt"
     FROM courses c
    WHERE (c.owner_id = $1 OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = $1))
      AND ($2::text IS NULL OR c.status = $2)
      AND ($3::text IS NULL OR c.slug ILIKE $3
           OR c.title->>'ko' ILIKE $3 OR c.title->>'en' ILIKE $3 OR c.title->>'zh' ILIKE $3)
    ORDER BY c.updated_at DESC, c.id
    LIMIT $4 OFFSET $5`,
);
/** How many of the instructor's courses match the filter. */
export const countTaughtCourses = async (db: Db, ...filter: TaughtCoursesFilter) =>
  (await run(db, taughtCoursesCountSql, filter))[0].total;
/** A page of the instructor's courses matching the filter. */
export const taughtCoursesPage = (db: Db, filter: TaughtCoursesFilter, limit: number, offset: number) =>
  run(db, taughtCoursesPageSql, [...filter, limit, offset]);

/** Every course (for admins and managers), with status $1, whose address or title contains $2; NULL: any. */
type AllCoursesFilter = [status: CourseRow['status'] | null, textPattern: string | null];
const allCoursesCountSql = statement<{ total: number }, AllCoursesFilter>(
  'courses.allCoursesCount',
  `SELECT count(*)::int AS total
     FROM courses c
    WHERE ($1::text IS NULL OR c.status = $1)
      AND ($2::text IS NULL OR c.slug ILIKE $2
           OR c.title->>'ko' ILIKE $2 OR c.title->>'en' ILIKE $2 OR c.title->>'zh' ILIKE $2)`,
);
/** The same courses, a page with the latest changed first; $3 limit, $4 offset. */
const allCoursesPageSql = statement<CourseRow, [...AllCoursesFilter, limit: number, offset: number]>(
  'courses.allCoursesPage',
  `SELECT c.id, c.slug, c.status, c.language, c.title, c.summary, c.tags, c.enrolment_policy AS "enrolmentPolicy",
          c.course_code AS "courseCode", c.sequential, c.cover_media_id AS "coverMediaId", c.owner_id AS "ownerId",
          c.revision, c.latest_version AS "latestVersion", c.published_at AS "publishedAt",
          c.content_changed_at AS "contentChangedAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt"
     FROM courses c
    WHERE ($1::text IS NULL OR c.status = $1)
      AND ($2::text IS NULL OR c.slug ILIKE $2
           OR c.title->>'ko' ILIKE $2 OR c.title->>'en' ILIKE $2 OR c.title->>'zh' ILIKE $2)
    ORDER BY c.updated_at DESC, c.id
    LIMIT $3 OFFSET $4`,
);
/** How many courses match the filter. */
export const countAllCourses = async (db: Db, ...filter: AllCoursesFilter) =>
  (await run(db, allCoursesCountSql, filter))[0].total;
/** A page of all courses matching the filter. */
export const allCoursesPage = (db: Db, filter: AllCoursesFilter, limit: number, offset: number) =>
  run(db, allCoursesPageSql, [...filter, limit, offset]);

const instructorsSql = statement<{ id: string; display_name: string }, [namePattern: string | null]>(
  'courses.instructors',
  `SELECT u.id, u.display_name
     FROM users u
    WHERE u.role IN ('instructor', 'admin') AND u.status = 'active'
      AND ($1::text IS NULL OR u.display_name ILIKE $1)
    ORDER BY u.display_name, u.id
    LIMIT 50`,
);
/**
 * The first 50 active instructors and admins by display name, whose name contains $1 (an ILIKE
 * pattern, escaped by the caller; NULL: any name).
 */
export const instructors = (db: Db, namePattern: string | null) => run(db, instructorsSql, [namePattern]);
