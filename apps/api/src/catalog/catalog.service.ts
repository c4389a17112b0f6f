import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  FACT_REFERENCE,
  type CatalogCourse,
  type CourseOutline,
  type LearnerCourse,
  type LearnerLesson,
  outlineModules,
} from '@dari/contracts';
import { learnerCourse, learnerRendered, RENDER_REVISION, renderLesson } from '../courses/index.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import {
  catalogCourse,
  catalogList,
  catalogOutlineSnapshot,
  catalogVersionLesson,
  catalogVisibleVersion,
} from './catalog.queries.js';

/** Outlines, and lesson answers, kept per process (each of those ~3-12 KB of JSON): a few MB at most. */
const KEPT_ANSWERS = 500;

/** Keeps `answer` under `key`, the oldest kept one going first when there are KEPT_ANSWERS. */
function keepIn<T>(kept: Map<string, T>, key: string, answer: T): T {
  const oldest = kept.keys().next();
  if (kept.size >= KEPT_ANSWERS && !oldest.done) kept.delete(oldest.value);
  kept.set(key, answer);
  return answer;
}

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

  /** The whole published version, its quizzes without their answers (they come with the grading of an attempt). */
  async get(slug: string, auth: AuthContext): Promise<LearnerCourse> {
    const course = await catalogCourse(this.db, slug, auth.userId);
    if (!course) throw AppException.notFound('course');
    return learnerCourse(course);
  }

  /**
   * Answers built from a published version, by version id: a version never changes, so an answer kept here
   * can never be stale and is the same on every instance. Whether the learner may see the course is asked
   * of the database on every request (catalog.visibleVersion); only the version's content is kept.
   */
  private readonly outlines = new Map<string, { etag: string; body: CourseOutline }>();
  private readonly lessons = new Map<string, { etag: string; body: LearnerLesson }>();

  /** The outline of the latest published version (no lesson content), with its strong ETag. */
  async outline(slug: string, auth: AuthContext): Promise<{ etag: string; body: CourseOutline }> {
    const v = await catalogVisibleVersion(this.db, slug, auth.userId);
    if (!v) throw AppException.notFound('course');
    const hit = this.outlines.get(v.version_id);
    if (hit) return hit;
    const s = await catalogOutlineSnapshot(this.db, v.version_id);
    if (!s) throw AppException.notFound('course');
    return keepIn(this.outlines, v.version_id, {
      etag: `"${v.version_id}.outline.${RENDER_REVISION}"`,
      body: {
        courseId: s.courseId,
        version: s.version ?? 0,
        slug: s.slug,
        title: s.title,
        summary: s.summary,
        language: s.language,
        tags: s.tags,
        estimatedMinutes: s.estimatedMinutes,
        sequential: s.sequential,
        coverMediaId: s.coverMediaId,
        modules: outlineModules(s.modules),
      },
    });
  }

  /**
   * One lesson of the latest published version, its Markdown as the HTML rendered when it was published,
   * with its strong ETag. The same visibility as the whole course's answer (a course the learner may not
   * see and a missing one answer alike); like it, a lesson behind a sequential lock or a content note is
   * sent too (the player shows the lock and the note; "save for offline" keeps every lesson). A quiz comes
   * without its right answers and explanations: they come with the grading of an attempt.
   */
  async lesson(slug: string, lessonId: string, auth: AuthContext): Promise<{ etag: string; body: LearnerLesson }> {
    const v = await catalogVisibleVersion(this.db, slug, auth.userId);
    if (!v) throw AppException.notFound('course');
    const key = `${v.version_id}.${lessonId}`;
    const hit = this.lessons.get(key);
    if (hit) return hit;
    const row = await catalogVersionLesson(this.db, v.version_id, lessonId);
    if (!row) throw AppException.notFound('course');
    const lesson = row.lesson;
    if (!lesson) throw AppException.notFound('lesson');
    // A quiz without its answers, also from a version whose stored HTML still has them. A version published
    // before lessons were rendered at publish time (its row is immutable) is rendered here, once: the answer
    // is kept with the others.
    const content = learnerRendered(row.rendered ?? renderLesson(lesson));
    const keys = new Set([...JSON.stringify(lesson).matchAll(FACT_REFERENCE)].map((m) => m[1]));
    return keepIn(this.lessons, key, {
      etag: `"${v.version_id}.${lesson.id}.${RENDER_REVISION}"`,
      body: {
        courseId: v.course_id,
        version: v.version,
        lesson: {
          id: lesson.id,
          key: lesson.key,
          kind: lesson.kind,
          title: lesson.title,
          required: lesson.required,
          estimatedMinutes: lesson.estimatedMinutes,
          contentNote: lesson.contentNote,
          content,
        },
        facts: (row.facts ?? []).filter((f) => keys.has(f.key)),
      },
    });
  }
}
