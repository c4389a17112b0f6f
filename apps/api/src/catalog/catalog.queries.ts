import type { CatalogCourse, Fact, PublishedCourse, PublishedLesson, RenderedLessonContent } from '@dari/contracts';
import { visibleToLearner } from '../access/visibility.js';
import { type Db, run, statement } from '../database/sql.js';

/* The catalogue's SQL: what a learner can find. apps/api/sql/catalog.sql shows each statement whole. */

export interface CatalogRow {
  id: string;
  slug: string;
  enrolment_policy: CatalogCourse['enrolmentPolicy'];
  version: number;
  lesson_count: number;
  s: Pick<PublishedCourse, 'title' | 'summary' | 'language' | 'tags' | 'estimatedMinutes' | 'coverMediaId'>;
}

/** Every published course open to the learner `$1`, oldest published first. */
const listSql = statement<CatalogRow, [learnerId: string]>(
  'catalog.list',
  `SELECT c.id, c.slug, c.enrolment_policy, v.version, v.lesson_count,
          v.meta AS s
     FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE c.status = 'published' AND ${visibleToLearner('c', '$1')}
    ORDER BY c.published_at, c.slug`,
);
export const catalogList = (db: Db, learnerId: string) => run(db, listSql, [learnerId]);

/** The latest published snapshot of course `$1` if the learner `$2` may see it. */
const courseSql = statement<{ snapshot: PublishedCourse }, [slug: string, learnerId: string]>(
  'catalog.course',
  `SELECT v.snapshot - 'rendered' AS snapshot
     FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE c.slug = $1 AND c.status = 'published' AND ${visibleToLearner('c', '$2')}`,
  { prepare: true },
);
export async function catalogCourse(db: Db, slug: string, learnerId: string): Promise<PublishedCourse | undefined> {
  return (await run(db, courseSql, [slug, learnerId]))[0]?.snapshot;
}

export interface OutlineRow {
  version_id: string;
  snapshot: PublishedCourse;
}

/**
 * The latest published version of course `$1` for its outline, if the learner `$2` may see it: the
 * snapshot without its rendered HTML and facts (the outline drops the lessons' content too).
 */
const outlineSql = statement<OutlineRow, [slug: string, learnerId: string]>(
  'catalog.outline',
  `SELECT v.id AS version_id, v.snapshot - 'rendered' - 'facts' AS snapshot
     FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE c.slug = $1 AND c.status = 'published' AND ${visibleToLearner('c', '$2')}`,
  { prepare: true },
);
export async function catalogOutline(db: Db, slug: string, learnerId: string): Promise<OutlineRow | undefined> {
  return (await run(db, outlineSql, [slug, learnerId]))[0];
}

export interface LessonRow {
  course_id: string;
  version_id: string;
  version: number;
  /** Null when the version has no such lesson. */
  lesson: PublishedLesson | null;
  /** Null for a version published before lessons were rendered at publish time. */
  rendered: RenderedLessonContent | null;
  facts: Fact[] | null;
}

/**
 * One lesson `$3` of the latest published version of course `$1`, if the learner `$2` may see the course
 * (the same rule as the whole course's answer): the lesson, its HTML rendered at publish time, and the
 * version's dated facts. No row: no such course for this learner.
 */
const lessonSql = statement<LessonRow, [slug: string, learnerId: string, lessonId: string]>(
  'catalog.lesson',
  `SELECT c.id AS course_id, v.id AS version_id, v.version,
          (SELECT les FROM jsonb_array_elements(v.snapshot->'modules') AS mods(module),
                  jsonb_array_elements(mods.module->'lessons') AS les
            WHERE les->>'id' = $3) AS lesson,
          v.snapshot->'rendered'->$3 AS rendered,
          v.snapshot->'facts' AS facts
     FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE c.slug = $1 AND c.status = 'published' AND ${visibleToLearner('c', '$2')}`,
  { prepare: true },
);
export async function catalogLesson(
  db: Db,
  slug: string,
  learnerId: string,
  lessonId: string,
): Promise<LessonRow | undefined> {
  return (await run(db, lessonSql, [slug, learnerId, lessonId]))[0];
}
