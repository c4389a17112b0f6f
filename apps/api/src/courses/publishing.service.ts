import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PublishedCourse } from '@dari/contracts';
import { AuditService } from '../audit/audit.service.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { CourseAccessService } from './course-access.service.js';
import { CourseModuleEntity } from './course-module.entity.js';
import { CourseVersionEntity, versionMeta } from './course-version.entity.js';
import { hasText, toPublishedCourse } from './course-views.js';
import { CourseEntity } from './course.entity.js';
import { LessonEntity } from './lesson.entity.js';
import { recomputeCourse, writePublishedLessons } from '../learning/completion.js';

export interface PublishProblem {
  lessonId: string | null;
  moduleId: string | null;
  message: string;
}

/**
 * Publishing freezes the draft into a numbered, immutable version. Lesson ids are carried into the
 * snapshot unchanged, so progress recorded against a lesson survives every later publish that
 * still contains it.
 */
@Injectable()
export class PublishingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CourseAccessService,
    private readonly audit: AuditService,
  ) {}

  async preview(courseId: string, auth: AuthContext): Promise<PublishedCourse> {
    const course = await this.access.course(courseId, auth, 'read');
    return this.snapshot(course, null, this.db.manager);
  }

  async versions(courseId: string, auth: AuthContext) {
    const course = await this.access.course(courseId, auth, 'read');
    const rows: { version: number; published_at: Date; published_by: string | null; display_name: string | null; lesson_count: number }[] = await this.db.query(
      `SELECT v.version, v.published_at, v.published_by, u.display_name, v.lesson_count
         FROM course_versions v LEFT JOIN users u ON u.id = v.published_by
        WHERE v.course_id = $1 ORDER BY v.version DESC`,
      [course.id],
    );
    return {
      items: rows.map((r) => ({
        version: r.version,
        publishedAt: r.published_at.toISOString(),
        publishedBy: r.published_by && r.display_name ? { id: r.published_by, displayName: r.display_name } : null,
        lessonCount: r.lesson_count,
      })),
    };
  }

  async version(courseId: string, version: number, auth: AuthContext): Promise<PublishedCourse> {
    const course = await this.access.course(courseId, auth, 'read');
    const row = await this.db.getRepository(CourseVersionEntity).findOneBy({ courseId: course.id, version });
    if (!row) throw AppException.notFound('version');
    return row.snapshot;
  }

  async publish(courseId: string, auth: AuthContext | null, requestId: string | null, manager?: EntityManager): Promise<{ version: number; publishedAt: string }> {
    const run = async (m: EntityManager) => {
      const course = auth ? await this.access.course(courseId, auth, 'edit', m, true) : await m.findOneOrFail(CourseEntity, { where: { id: courseId }, lock: { mode: 'pessimistic_write' } });
      const snapshot = await this.snapshot(course, null, m);
      const problems = await this.problems(course, snapshot, m);
      if (problems.length) {
        const error = new AppException(400, 'publish_blocked', `This course cannot be published yet: ${problems.length} thing${problems.length > 1 ? 's' : ''} to fix.`);
        error.problems = problems;
        throw error;
      }
      const version = (course.latestVersion ?? 0) + 1;
      snapshot.version = version;
      const lessonCount = snapshot.modules.reduce((n, mod) => n + mod.lessons.length, 0);
      const row = await m.save(m.create(CourseVersionEntity, { courseId: course.id, version, snapshot, meta: versionMeta(snapshot), lessonCount, publishedBy: auth?.userId ?? null }));
      await m.update(CourseEntity, { id: course.id }, {
        latestVersion: version,
        publishedAt: row.publishedAt,
        status: course.status === 'archived' ? 'archived' : 'published',
        // content_changed_at stays: it is <= published_at now, so "unpublished changes" is false.
      });
      await m.query(`UPDATE courses SET content_changed_at = least(content_changed_at, $2) WHERE id = $1`, [course.id, row.publishedAt]);
      // Learners follow the new version: removed lessons stop counting, new required ones are due.
      await writePublishedLessons(m, { ...snapshot, version });
      await recomputeCourse(m, course.id);
      if (auth) await this.audit.record({ actorId: auth.userId, action: 'course.published', requestId, details: { courseId: course.id, version } }, m);
      return { version, publishedAt: row.publishedAt.toISOString() };
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  async snapshot(course: CourseEntity, version: number | null, m: EntityManager): Promise<PublishedCourse> {
    const modules = await m.find(CourseModuleEntity, { where: { courseId: course.id }, order: { position: 'ASC' } });
    const lessons = await m.find(LessonEntity, { where: { courseId: course.id }, order: { position: 'ASC' } });
    return toPublishedCourse(course, version, modules, lessons);
  }

  /** Everything a learner would miss, named in plain words and pointing at its lesson. */
  private async problems(course: CourseEntity, c: PublishedCourse, m: EntityManager): Promise<PublishProblem[]> {
    const out: PublishProblem[] = [];
    const add = (message: string, moduleId: string | null = null, lessonId: string | null = null) => out.push({ message, moduleId, lessonId });
    if (!course.title.ko.trim()) add('The course needs a Korean title.');
    if (course.enrolmentPolicy === 'code' && !course.courseCode) add('A course with a course code needs the code.');
    if (!c.modules.some((mod) => mod.lessons.length)) add('The course needs at least one lesson.');
    const mediaIds = new Set((await m.query(`SELECT id FROM media WHERE course_id = $1`, [course.id])).map((r: { id: string }) => r.id));
    for (const mod of c.modules) {
      if (!mod.title.ko.trim()) add('A module needs a Korean title.', mod.id);
      if (!mod.lessons.length) add(`The module "${mod.title.ko}" has no lessons.`, mod.id);
      for (const l of mod.lessons) {
        const name = l.title.ko.trim() || l.key;
        const lp = (msg: string) => add(`${name}: ${msg}`, mod.id, l.id);
        if (!l.title.ko.trim()) lp('needs a Korean title.');
        const content = l.content;
        switch (content.kind) {
          case 'reading':
            if (!content.body.ko.trim()) lp('the Korean text is empty.');
            break;
          case 'reflection':
            if (!content.prompt.ko.trim()) lp('the Korean prompt is empty.');
            break;
          case 'media':
            if (!content.mediaId === !content.url) lp('needs either an uploaded file or a link, not both and not neither.');
            if (content.mediaId && !mediaIds.has(content.mediaId)) lp('the uploaded file is missing.');
            if (!hasText(content.transcript)) lp('needs a transcript, so that everyone can follow it.');
            break;
          case 'quiz':
            if (!content.questions.length) lp('the quiz has no questions.');
            content.questions.forEach((q, i) => {
              const qn = `question ${i + 1}`;
              if (!q.prompt.ko.trim()) lp(`${qn} has no Korean text.`);
              if (q.type === 'single' || q.type === 'multiple') {
                if (q.options.length < 2) lp(`${qn} needs at least two answers to choose from.`);
                if (q.options.some((o) => !o.text.ko.trim())) lp(`${qn} has an answer without Korean text.`);
                const right = q.options.filter((o) => o.correct).length;
                if (q.type === 'single' && right !== 1) lp(`${qn} needs exactly one right answer.`);
                if (q.type === 'multiple' && right < 1) lp(`${qn} needs at least one right answer.`);
              }
            });
            break;
        }
      }
    }
    return out;
  }
}
