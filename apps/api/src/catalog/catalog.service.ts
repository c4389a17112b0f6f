import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CatalogCourse, PublishedCourse } from '@dari/contracts';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { visibleToLearner } from '../learning/visibility.js';
import { prepared } from '../database/prepared.js';

/**
 * What learners can find: the latest published version of every course open to them. Courses
 * only for cohorts join the catalogue through cohorts (program management).
 */
@Injectable()
export class CatalogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(auth: AuthContext): Promise<{ items: CatalogCourse[] }> {
    const rows: {
      id: string;
      slug: string;
      enrolment_policy: CatalogCourse['enrolmentPolicy'];
      version: number;
      lesson_count: number;
      s: Pick<PublishedCourse, 'title' | 'summary' | 'language' | 'tags' | 'estimatedMinutes' | 'coverMediaId'>;
    }[] = await this.db.query(
      `SELECT c.id, c.slug, c.enrolment_policy, v.version, v.lesson_count,
                v.meta AS s
           FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
          WHERE c.status = 'published' AND ${visibleToLearner('c', '$1')}
          ORDER BY c.published_at, c.slug`,
      [auth.userId],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        title: r.s.title,
        summary: r.s.summary,
        language: r.s.language,
        tags: r.s.tags,
        estimatedMinutes: r.s.estimatedMinutes,
        enrolmentPolicy: r.enrolment_policy,
        coverMediaId: r.s.coverMediaId,
        version: r.version,
        lessonCount: r.lesson_count,
      })),
    };
  }

  async get(slug: string, auth: AuthContext): Promise<PublishedCourse> {
    const rows = await prepared<{ snapshot: PublishedCourse }>(
      this.db,
      'catalog_course',
      `SELECT v.snapshot FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
        WHERE c.slug = $1 AND c.status = 'published' AND ${visibleToLearner('c', '$2')}`,
      [slug, auth.userId],
    );
    if (!rows[0]) throw AppException.notFound('course');
    return rows[0].snapshot;
  }
}
