import { type Db, run, statement } from '../database/sql.js';

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
