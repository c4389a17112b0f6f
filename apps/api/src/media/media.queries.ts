import { visibleToLearner } from '../access/visibility.js';
import { type Db, run, statement } from '../database/sql.js';

/* The media feature's SQL. apps/api/sql/media.sql shows each statement whole. */

export interface MediaForCallerRow {
  id: string | null;
  content_type: string;
  filename: string;
  learner_visible: boolean;
  teaches: boolean;
}
/**
 * The media file `$1` with what decides whether the caller `$2` may see it: learners may when its
 * course is published and open to them (visibleToLearner); instructors when they own or co-teach the
 * course; managers and admins always (as CourseAccessService.course(…, 'read')). A missing id gives
 * one row of nulls, so both cases run the same statement.
 */
const mediaForCallerSql = statement<MediaForCallerRow, [mediaId: string, callerId: string]>(
  'media.forCaller',
  `
  SELECT med.id, med.content_type, med.filename,
         coalesce(c.latest_version IS NOT NULL AND c.status = 'published' AND ${visibleToLearner('c', '$2')}, false) AS learner_visible,
         coalesce(c.owner_id = $2 OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = $2), false) AS teaches
    FROM (SELECT $1::uuid AS wanted) w
    LEFT JOIN media med ON med.id = w.wanted
    LEFT JOIN courses c ON c.id = med.course_id`,
  { prepare: true },
);
export async function mediaForCaller(db: Db, mediaId: string, callerId: string): Promise<MediaForCallerRow> {
  return (await run(db, mediaForCallerSql, [mediaId, callerId]))[0];
}
