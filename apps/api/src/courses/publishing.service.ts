import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CourseChange,
  CourseChanges,
  PublishedCourse,
  PublishedLesson,
  PublishProblem,
  PublishProblemCode,
  PublishProblemParams,
} from '@dari/contracts';
import { AuditService } from '../audit/index.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { CourseAccessService } from './course-access.service.js';
import { CourseModuleEntity } from './course-module.entity.js';
import { CourseVersionEntity, versionMeta } from './course-version.entity.js';
import { hasText, toPublishedCourse } from './course-views.js';
import { CourseEntity } from './course.entity.js';
import { FactsService } from '../facts/index.js';
import { LessonEntity } from './lesson.entity.js';
import { renderLessons } from './lesson-html.js';
import { recomputeCourse, writePublishedLessons } from '../access/completion.js';
import * as q from './courses.queries.js';

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
    private readonly facts: FactsService,
  ) {}

  async preview(courseId: string, auth: AuthContext): Promise<PublishedCourse> {
    const course = await this.access.course(courseId, auth, 'read');
    return this.snapshot(course, null, this.db.manager);
  }

  async versions(courseId: string, auth: AuthContext) {
    const course = await this.access.course(courseId, auth, 'read');
    const rows = await q.versions(this.db, course.id);
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
    return withoutRendered(row.snapshot);
  }

  /** The draft compared with the latest version, by module and lesson id. */
  async changes(courseId: string, auth: AuthContext): Promise<CourseChanges> {
    const course = await this.access.course(courseId, auth, 'read');
    if (!course.latestVersion) return { sinceVersion: null, items: [] };
    const row = await this.db
      .getRepository(CourseVersionEntity)
      .findOneByOrFail({ courseId: course.id, version: course.latestVersion });
    return {
      sinceVersion: course.latestVersion,
      items: courseChanges(withoutRendered(row.snapshot), await this.snapshot(course, null, this.db.manager)),
    };
  }

  async publish(
    courseId: string,
    auth: AuthContext | null,
    requestId: string | null,
    manager?: EntityManager,
  ): Promise<{ version: number; publishedAt: string }> {
    const run = async (m: EntityManager) => {
      const course = auth
        ? await this.access.course(courseId, auth, 'edit', m, true)
        : await m.findOneOrFail(CourseEntity, { where: { id: courseId }, lock: { mode: 'pessimistic_write' } });
      const snapshot = await this.snapshot(course, null, m);
      const problems = await this.problems(course, snapshot, m);
      if (problems.length) {
        const error = new AppException(
          400,
          'publish_blocked',
          `This course cannot be published yet: ${problems.length} thing${problems.length > 1 ? 's' : ''} to fix.`,
        );
        error.problems = problems;
        throw error;
      }
      const version = (course.latestVersion ?? 0) + 1;
      snapshot.version = version;
      const lessonCount = snapshot.modules.reduce((n, mod) => n + mod.lessons.length, 0);
      const row = await m.save(
        m.create(CourseVersionEntity, {
          courseId: course.id,
          version,
          // The lessons' Markdown rendered to sanitised HTML once, now, and kept with the immutable version
          // (the learner's lesson answers send it; the course answer leaves it out).
          snapshot: { ...snapshot, rendered: renderLessons(snapshot) } as PublishedCourse,
          meta: versionMeta(snapshot),
          lessonCount,
          publishedBy: auth?.userId ?? null,
        }),
      );
      await m.update(
        CourseEntity,
        { id: course.id },
        {
          latestVersion: version,
          publishedAt: row.publishedAt,
          status: course.status === 'archived' ? 'archived' : 'published',
          // content_changed_at stays: it is <= published_at now, so "unpublished changes" is false.
        },
      );
      await q.contentPublished(m, course.id, row.publishedAt);
      // Learners follow the new version: removed lessons stop counting, new required ones are due.
      await writePublishedLessons(m, { ...snapshot, version });
      await recomputeCourse(m, course.id);
      if (auth)
        await this.audit.record(
          { actorId: auth.userId, action: 'course.published', requestId, details: { courseId: course.id, version } },
          m,
        );
      return { version, publishedAt: row.publishedAt.toISOString() };
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  async snapshot(course: CourseEntity, version: number | null, m: EntityManager): Promise<PublishedCourse> {
    const modules = await m.find(CourseModuleEntity, { where: { courseId: course.id }, order: { position: 'ASC' } });
    const lessons = await m.find(LessonEntity, { where: { courseId: course.id }, order: { position: 'ASC' } });
    const snapshot = toPublishedCourse(course, version, modules, lessons);
    // The dated facts its texts refer to travel with it: the phone shows each for its own date, offline too.
    const facts = this.facts.referencedBy(snapshot);
    return facts.length ? { ...snapshot, facts } : snapshot;
  }

  /**
   * Everything a learner would miss, pointing at its lesson: a code and its params for the web app to
   * word in the author's language, and the same in English as a fallback.
   */
  private async problems(course: CourseEntity, c: PublishedCourse, m: EntityManager): Promise<PublishProblem[]> {
    const out: PublishProblem[] = [];
    const add = (
      code: PublishProblemCode,
      message: string,
      at: { moduleId?: string; lessonId?: string } = {},
      params: PublishProblemParams = {},
    ) => out.push({ lessonId: at.lessonId ?? null, moduleId: at.moduleId ?? null, code, params, message });
    if (!course.title.ko.trim()) add('course_title_missing', 'The course needs a Korean title.');
    if (course.enrolmentPolicy === 'code' && !course.courseCode)
      add('course_code_missing', 'A course with a course code needs the code.');
    if (!c.modules.some((mod) => mod.lessons.length)) add('course_no_lessons', 'The course needs at least one lesson.');
    const mediaIds = await q.courseMediaIds(m, course.id);
    for (const mod of c.modules) {
      if (!mod.title.ko.trim()) add('module_title_missing', 'A module needs a Korean title.', { moduleId: mod.id });
      if (!mod.lessons.length)
        add(
          'module_empty',
          `The module "${mod.title.ko}" has no lessons.`,
          { moduleId: mod.id },
          { module: mod.title.ko },
        );
      for (const l of mod.lessons) {
        const name = l.title.ko.trim() || l.key;
        const lp = (code: PublishProblemCode, msg: string, question?: number) =>
          add(
            code,
            `${name}: ${msg}`,
            { moduleId: mod.id, lessonId: l.id },
            question === undefined ? { lesson: name } : { lesson: name, question },
          );
        if (!l.title.ko.trim()) lp('lesson_title_missing', 'needs a Korean title.');
        const content = l.content;
        switch (content.kind) {
          case 'reading':
            if (!content.body.ko.trim()) lp('reading_text_missing', 'the Korean text is empty.');
            break;
          case 'reflection':
            if (!content.prompt.ko.trim()) lp('reflection_prompt_missing', 'the Korean prompt is empty.');
            break;
          case 'media':
            if (!content.mediaId === !content.url)
              lp('media_source_invalid', 'needs either an uploaded file or a link, not both and not neither.');
            if (content.mediaId && !mediaIds.has(content.mediaId))
              lp('media_file_missing', 'the uploaded file is missing.');
            if (!hasText(content.transcript))
              lp('media_transcript_missing', 'needs a transcript, so that everyone can follow it.');
            break;
          case 'quiz':
            if (!content.questions.length) lp('quiz_no_questions', 'the quiz has no questions.');
            content.questions.forEach((q, i) => {
              const n = i + 1;
              const qn = `question ${n}`;
              if (!q.prompt.ko.trim()) lp('question_text_missing', `${qn} has no Korean text.`, n);
              if (q.type === 'single' || q.type === 'multiple') {
                if (q.options.length < 2)
                  lp('question_too_few_options', `${qn} needs at least two answers to choose from.`, n);
                if (q.options.some((o) => !o.text.ko.trim()))
                  lp('question_option_text_missing', `${qn} has an answer without Korean text.`, n);
                const right = q.options.filter((o) => o.correct).length;
                if (q.type === 'single' && right !== 1)
                  lp('question_needs_one_right', `${qn} needs exactly one right answer.`, n);
                if (q.type === 'multiple' && right < 1)
                  lp('question_needs_a_right', `${qn} needs at least one right answer.`, n);
              }
            });
            break;
        }
      }
    }
    return out;
  }
}

/** A stored snapshot without the HTML rendered at publish time (kept for the learner's lesson answers only). */
function withoutRendered(snapshot: PublishedCourse): PublishedCourse {
  const { rendered: _rendered, ...rest } = snapshot as PublishedCourse & { rendered?: unknown };
  return rest;
}

/** The same value whatever order its keys are in (snapshots come back from jsonb with their keys reordered). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

const lessonBody = (l: PublishedLesson) =>
  canonical({
    kind: l.kind,
    title: l.title,
    required: l.required,
    estimatedMinutes: l.estimatedMinutes,
    contentNote: l.contentNote,
    content: l.content,
  });

/** What `draft` changes in `published`, in the draft's outline order, then what was removed. */
export function courseChanges(published: PublishedCourse, draft: PublishedCourse): CourseChange[] {
  const out: CourseChange[] = [];
  const settings = (c: PublishedCourse) =>
    canonical({
      title: c.title,
      summary: c.summary,
      language: c.language,
      tags: c.tags,
      sequential: c.sequential,
      coverMediaId: c.coverMediaId,
    });
  if (settings(published) !== settings(draft))
    out.push({ what: 'course', change: 'edited', id: draft.courseId, title: draft.title });

  const oldModules = new Map(published.modules.map((mod, i) => [mod.id, { mod, i }]));
  const oldLessons = new Map(
    published.modules.flatMap((mod) => mod.lessons.map((l, i) => [l.id, { l, moduleId: mod.id, i }] as const)),
  );
  const newModuleIds = new Set(draft.modules.map((mod) => mod.id));
  const newLessonIds = new Set(draft.modules.flatMap((mod) => mod.lessons.map((l) => l.id)));
  // Order among what both have, so that adding or removing something does not count as moving the rest.
  const keptModules = draft.modules.filter((mod) => oldModules.has(mod.id)).map((mod) => mod.id);
  const keptModulesBefore = published.modules.filter((mod) => newModuleIds.has(mod.id)).map((mod) => mod.id);
  const keptIn = (c: PublishedCourse, moduleId: string) =>
    c.modules
      .find((mod) => mod.id === moduleId)
      ?.lessons.filter((l) => oldLessons.has(l.id) && newLessonIds.has(l.id))
      .map((l) => l.id) ?? [];

  for (const mod of draft.modules) {
    const old = oldModules.get(mod.id);
    if (!old) out.push({ what: 'module', change: 'added', id: mod.id, title: mod.title });
    else if (canonical(old.mod.title) !== canonical(mod.title))
      out.push({ what: 'module', change: 'edited', id: mod.id, title: mod.title });
    else if (keptModules.indexOf(mod.id) !== keptModulesBefore.indexOf(mod.id))
      out.push({ what: 'module', change: 'moved', id: mod.id, title: mod.title });
    for (const l of mod.lessons) {
      const before = oldLessons.get(l.id);
      if (!before) out.push({ what: 'lesson', change: 'added', id: l.id, title: l.title });
      else if (lessonBody(before.l) !== lessonBody(l))
        out.push({ what: 'lesson', change: 'edited', id: l.id, title: l.title });
      else if (
        before.moduleId !== mod.id ||
        keptIn(draft, mod.id).indexOf(l.id) !== keptIn(published, mod.id).indexOf(l.id)
      ) {
        out.push({ what: 'lesson', change: 'moved', id: l.id, title: l.title });
      }
    }
  }
  for (const mod of published.modules) {
    if (!newModuleIds.has(mod.id)) out.push({ what: 'module', change: 'removed', id: mod.id, title: mod.title });
    for (const l of mod.lessons)
      if (!newLessonIds.has(l.id)) out.push({ what: 'lesson', change: 'removed', id: l.id, title: l.title });
  }
  return out;
}
