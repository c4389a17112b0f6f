import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CatalogCourse, PublishedCourse } from '@dari/contracts';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { catalogCourse, catalogList } from './catalog.queries.js';

/**
 * What learners can find: the latest published version of every course open to them. Courses
 * only for cohorts join the catalogue through cohorts (program management).
 */
@Injectable()
export class CatalogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(auth: AuthContext): Promise<{ items: CatalogCourse[] }> {
    const rows = await catalogList(this.db, auth.userId);
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
    const course = await catalogCourse(this.db, slug, auth.userId);
    if (!course) throw AppException.notFound('course');
    return course;
  }
}
