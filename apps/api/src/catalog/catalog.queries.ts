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

export interface VisibleVersionRow {
  course_id: string;
  version_id: string;
  version: number;
}

/**
 * The latest published version of course `$1`, if the learner `$2` may see it (the same rule as the whole
 * course's answer): its ids only. The outline and a lesson are read from the version by id afterwards,
 * once per version in each process (a version never changes), so a request reads a few bytes, not the
 * course's stored JSON.
 */
const visibleVersionSql = statement<VisibleVersionRow, [slug: string, learnerId: string]>(
  'catalog.visibleVersion',
  `SELECT c.id AS course_id, v.id AS version_id, v.version
     FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE c.slug = $1 AND c.status = 'published' AND ${visibleToLearner('c', '$2')}`,
  { prepare: true },
);
export async function catalogVisibleVersion(
  db: Db,
  slug: string,
  learnerId: string,
): Promise<VisibleVersionRow | undefined> {
  return (await run(db, visibleVersionSql, [slug, learnerId]))[0];
}

/** Version `$1`'s snapshot for its outline: without its rendered HTML and facts. */
const outlineSnapshotSql = statement<{ snapshot: PublishedCourse }, [versionId: string]>(
  'catalog.outlineSnapshot',
  `SELECT v.snapshot - 'rendered' - 'facts' AS snapshot FROM course_versions v WHERE v.id = $1`,
  { prepare: true },
);
export async function catalogOutlineSnapshot(db: Db, versionId: string): Promise<PublishedCourse | undefined> {
  return (await run(db, outlineSnapshotSql, [versionId]))[0]?.snapshot;
}

export interface VersionLessonRow {
  /** Null when the version has no such lesson. */
  lesson: PublishedLesson | null;
  /** Null for a version published before lessons were rendered at publish time. */
  rendered: RenderedLessonContent | null;
  facts: Fact[] | null;
}

/** Lesson `$2` of version `$1`: the lesson, its HTML rendered at publish time, and the version's dated facts. */
const versionLessonSql = statement<VersionLessonRow, [versionId: string, lessonId: string]>(
  'catalog.versionLesson',
  `SELECT (SELECT les FROM jsonb_array_elements(v.snapshot->'modules') AS mods(module),
                  jsonb_array_elements(mods.module->'lessons') AS les
            WHERE les->>'id' = $2) AS lesson,
          v.snapshot->'rendered'->$2 AS rendered,
          v.snapshot->'facts' AS facts
     FROM course_versions v WHERE v.id = $1`,
  { prepare: true },
);
export async function catalogVersionLesson(
  db: Db,
  versionId: string,
  lessonId: string,
): Promise<VersionLessonRow | undefined> {
  return (await run(db, versionLessonSql, [versionId, lessonId]))[0];
}
