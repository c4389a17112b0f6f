import type { CatalogCourse, PublishedCourse } from '@dari/contracts';
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
  `SELECT v.snapshot FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE c.slug = $1 AND c.status = 'published' AND ${visibleToLearner('c', '$2')}`,
  { prepare: true },
);
export async function catalogCourse(db: Db, slug: string, learnerId: string): Promise<PublishedCourse | undefined> {
  return (await run(db, courseSql, [slug, learnerId]))[0]?.snapshot;
}
