import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import type {
  AuthorCourse,
  AuthorLesson,
  CreateCourse,
  DraftText,
  LessonContent,
  LessonKind,
  ListAuthorCoursesQuery,
  ReorderOutline,
  UpdateCourse,
  UpdateLesson,
} from '@dari/contracts';
import { AuditService } from '../audit/index.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { UserEntity } from '../users/index.js';
import { CourseAccessService } from './course-access.service.js';
import { CourseInstructorEntity } from './course-instructor.entity.js';
import { CourseModuleEntity } from './course-module.entity.js';
import { toAuthorCourse, toAuthorCourseSummary, toAuthorLesson, type PersonRef } from './course-views.js';
import { CourseEntity } from './course.entity.js';
import { LessonEntity } from './lesson.entity.js';
import * as q from './courses.queries.js';

export const newKey = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export function emptyContent(kind: LessonKind): LessonContent {
  switch (kind) {
    case 'reading':
      return { kind, body: { ko: '' } };
    case 'media':
      return { kind, mediaType: 'video', mediaId: null, url: null, transcript: { ko: '' } };
    case 'quiz':
      return { kind, passMark: 70, shuffle: false, questions: [] };
    case 'reflection':
      return { kind, prompt: { ko: '' } };
  }
}

const staleRevision = () =>
  new AppException(
    409,
    'stale_revision',
    'Someone saved this in the meantime. Reload to see the latest version, then make your change again.',
  );
const slugTaken = () =>
  new AppException(409, 'slug_taken', 'Another course already uses this address. Choose another one.', [
    { path: 'body.slug', message: 'is already taken' },
  ]);

/** Writing courses: the draft's settings, outline and lessons. Publishing is PublishingService. */
@Injectable()
export class AuthoringService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CourseAccessService,
    private readonly audit: AuditService,
  ) {}

  // ---- reading ----

  async list(query: ListAuthorCoursesQuery, auth: AuthContext) {
    // An instructor sees the courses they own or teach; admins and managers see every course; no one else any.
    const status = query.status ?? null;
    const text = query.q ? `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
    const offset = (query.page - 1) * query.pageSize;
    let courses: q.CourseRow[];
    let total: number;
    if (auth.role === 'instructor') {
      courses = await q.taughtCoursesPage(this.db, [auth.userId, status, text], query.pageSize, offset);
      total = await q.countTaughtCourses(this.db, auth.userId, status, text);
    } else if (auth.role === 'admin' || auth.role === 'manager') {
      courses = await q.allCoursesPage(this.db, [status, text], query.pageSize, offset);
      total = await q.countAllCourses(this.db, status, text);
    } else {
      throw AppException.forbidden();
    }
    const items = await Promise.all(
      courses.map(async (c) => toAuthorCourseSummary(c, await this.summaryExtras(c, auth, this.db.manager))),
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(courseId: string, auth: AuthContext, m: EntityManager = this.db.manager): Promise<AuthorCourse> {
    const course = await this.access.course(courseId, auth, 'read', m);
    return this.view(course, auth, m);
  }

  async getLesson(lessonId: string, auth: AuthContext): Promise<AuthorLesson> {
    // Look up, then decide: a missing lesson and one the caller may not read run the same statement
    // (by timing, a real id of another's lesson could otherwise be told from a made-up one).
    // Who may read is CourseAccessService.course(…, 'read'): admins, managers, the owner, co-instructors.
    const row = await q.lessonForCaller(this.db, lessonId, auth.userId);
    const readable =
      row.id !== null &&
      (auth.role === 'admin' || auth.role === 'manager' || (auth.role === 'instructor' && row.teaches));
    if (!readable) throw AppException.notFound('lesson');
    return toAuthorLesson(await this.db.getRepository(LessonEntity).findOneByOrFail({ id: lessonId }));
  }

  /** Instructors and admins who can be named co-instructors, by display name. */
  async instructors(name: string | undefined) {
    const pattern = name ? `%${name.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
    return { items: (await q.instructors(this.db, pattern)).map((u) => ({ id: u.id, displayName: u.display_name })) };
  }

  // ---- courses ----

  async create(input: CreateCourse & { language: 'ko' | 'en' | 'zh' }, auth: AuthContext): Promise<AuthorCourse> {
    if (auth.role !== 'instructor' && auth.role !== 'admin') throw AppException.forbidden();
    return this.db.transaction(async (m) => {
      const course = await this.insertCourse(m, {
        slug: input.slug,
        title: input.title,
        summary: input.summary ?? { ko: '' },
        language: input.language,
        tags: input.tags ?? [],
        enrolmentPolicy: input.enrolmentPolicy ?? 'open',
        ownerId: auth.userId,
      });
      return this.view(course, auth, m);
    });
  }

  async update(courseId: string, patch: UpdateCourse, auth: AuthContext): Promise<AuthorCourse> {
    return this.mutate(courseId, auth, patch.revision, async (course, m) => {
      const { revision: _revision, ...fields } = patch;
      if (fields.coverMediaId) await this.assertCourseMedia(m, course.id, fields.coverMediaId, 'body.coverMediaId');
      Object.assign(course, fields);
      try {
        await m.save(course);
      } catch (e) {
        throw this.uniqueViolation(e);
      }
    });
  }

  async duplicate(
    courseId: string,
    input: { slug: string; title?: DraftText },
    auth: AuthContext,
  ): Promise<AuthorCourse> {
    if (auth.role !== 'instructor' && auth.role !== 'admin') throw AppException.forbidden();
    return this.db.transaction(async (m) => {
      const source = await this.access.course(courseId, auth, 'read', m);
      const copy = await this.insertCourse(m, {
        slug: input.slug,
        title: input.title ?? source.title,
        summary: source.summary,
        language: source.language,
        tags: source.tags,
        enrolmentPolicy: source.enrolmentPolicy,
        sequential: source.sequential,
        ownerId: auth.userId,
      });
      const modules = await m.find(CourseModuleEntity, { where: { courseId: source.id }, order: { position: 'ASC' } });
      const lessons = await m.find(LessonEntity, { where: { courseId: source.id }, order: { position: 'ASC' } });
      for (const mod of modules) {
        const newMod = await m.save(
          m.create(CourseModuleEntity, { courseId: copy.id, key: mod.key, position: mod.position, title: mod.title }),
        );
        for (const l of lessons.filter((x) => x.moduleId === mod.id)) {
          // Uploaded media belong to the source course; a copy keeps pointing at them by id only
          // when the viewer may see both, so the copy drops uploaded-file references.
          const content = l.content.kind === 'media' ? { ...l.content, mediaId: null } : l.content;
          await m.save(
            m.create(LessonEntity, {
              // The source lesson's own columns (as the spread of the entity used to copy them), new id.
              key: l.key,
              position: l.position,
              kind: l.kind,
              title: l.title,
              required: l.required,
              estimatedMinutes: l.estimatedMinutes,
              contentNote: l.contentNote,
              updatedAt: l.updatedAt,
              courseId: copy.id,
              moduleId: newMod.id,
              content,
              revision: 0,
            }),
          );
        }
      }
      return this.view(copy, auth, m);
    });
  }

  async setArchived(courseId: string, archived: boolean, auth: AuthContext): Promise<AuthorCourse> {
    return this.db.transaction(async (m) => {
      const course = await this.access.course(courseId, auth, 'edit', m, true);
      course.status = archived ? 'archived' : course.latestVersion ? 'published' : 'draft';
      course.revision += 1;
      await m.save(course);
      return this.view(course, auth, m);
    });
  }

  async setCoInstructors(courseId: string, userIds: string[], auth: AuthContext): Promise<AuthorCourse> {
    return this.db.transaction(async (m) => {
      const course = await this.access.course(courseId, auth, 'own', m, true);
      const unique = [...new Set(userIds)].filter((id) => id !== course.ownerId);
      const found = unique.length ? await m.find(UserEntity, { where: { id: In(unique) } }) : [];
      const bad = unique.filter(
        (id) =>
          !found.some((u) => u.id === id && (u.role === 'instructor' || u.role === 'admin') && u.status === 'active'),
      );
      if (bad.length) {
        throw AppException.validation(
          bad.map((id) => ({ path: `body.userIds.${unique.indexOf(id)}`, message: 'is not an active instructor' })),
        );
      }
      await m.delete(CourseInstructorEntity, { courseId: course.id });
      if (unique.length)
        await m.insert(
          CourseInstructorEntity,
          unique.map((userId) => ({ courseId: course.id, userId })),
        );
      course.revision += 1;
      await m.save(course);
      return this.view(course, auth, m);
    });
  }

  // ---- outline ----

  async addModule(courseId: string, title: DraftText, auth: AuthContext): Promise<AuthorCourse> {
    return this.mutate(courseId, auth, null, async (course, m) => {
      const next = await q.nextModulePosition(m, course.id);
      await m.insert(CourseModuleEntity, { courseId: course.id, key: newKey('m'), position: next, title });
    });
  }

  async renameModule(moduleId: string, title: DraftText, auth: AuthContext): Promise<AuthorCourse> {
    const mod = await this.findModule(moduleId, auth);
    return this.mutate(mod.courseId, auth, null, async (_course, m) => {
      await m.update(CourseModuleEntity, { id: mod.id }, { title });
    });
  }

  async deleteModule(moduleId: string, auth: AuthContext): Promise<AuthorCourse> {
    const mod = await this.findModule(moduleId, auth);
    return this.mutate(mod.courseId, auth, null, async (course, m) => {
      await m.delete(CourseModuleEntity, { id: mod.id });
      await this.renumber(m, course.id);
    });
  }

  /** Applies a whole new order; the outline sent must hold exactly the course's modules and lessons. */
  async reorder(courseId: string, outline: ReorderOutline, auth: AuthContext): Promise<AuthorCourse> {
    return this.mutate(courseId, auth, outline.revision, async (course, m) => {
      const modules = await m.find(CourseModuleEntity, { where: { courseId: course.id } });
      const lessons = await m.find(LessonEntity, { where: { courseId: course.id } });
      const sentModules = outline.modules.map((x) => x.id);
      const sentLessons = outline.modules.flatMap((x) => x.lessonIds);
      const same = (a: string[], b: string[]) =>
        a.length === b.length && new Set(a).size === a.length && a.every((id) => b.includes(id));
      if (
        !same(
          sentModules,
          modules.map((x) => x.id),
        ) ||
        !same(
          sentLessons,
          lessons.map((x) => x.id),
        )
      ) {
        throw new AppException(
          409,
          'stale_revision',
          'The outline has changed since you loaded it. Reload and try again.',
        );
      }
      for (const [i, mod] of outline.modules.entries()) {
        await m.update(CourseModuleEntity, { id: mod.id }, { position: i });
        for (const [j, lessonId] of mod.lessonIds.entries())
          await m.update(LessonEntity, { id: lessonId }, { moduleId: mod.id, position: j });
      }
    });
  }

  // ---- lessons ----

  async addLesson(moduleId: string, kind: LessonKind, title: DraftText, auth: AuthContext): Promise<AuthorLesson> {
    const mod = await this.findModule(moduleId, auth);
    let created!: LessonEntity;
    await this.mutate(mod.courseId, auth, null, async (course, m) => {
      const next = await q.nextLessonPosition(m, mod.id);
      created = await m.save(
        m.create(LessonEntity, {
          courseId: course.id,
          moduleId: mod.id,
          key: newKey('l'),
          position: next,
          kind,
          title,
          required: true,
          estimatedMinutes: kind === 'quiz' ? 3 : 5,
          contentNote: null,
          content: emptyContent(kind),
        }),
      );
    });
    return toAuthorLesson(created);
  }

  async updateLesson(lessonId: string, patch: UpdateLesson, auth: AuthContext): Promise<AuthorLesson> {
    return this.db.transaction(async (m) => {
      const lesson = await m.findOne(LessonEntity, { where: { id: lessonId }, lock: { mode: 'pessimistic_write' } });
      if (!lesson) throw AppException.notFound('lesson');
      await this.editable(lesson.courseId, auth, m, 'lesson');
      if (lesson.revision !== patch.revision) throw staleRevision();
      if (patch.content && patch.content.kind !== lesson.kind) {
        throw AppException.validation([
          { path: 'body.content.kind', message: `must be "${lesson.kind}", the kind of this lesson` },
        ]);
      }
      if (patch.content?.kind === 'media' && patch.content.mediaId)
        await this.assertCourseMedia(m, lesson.courseId, patch.content.mediaId, 'body.content.mediaId');
      if (patch.title !== undefined) lesson.title = patch.title;
      if (patch.required !== undefined) lesson.required = patch.required;
      if (patch.estimatedMinutes !== undefined) lesson.estimatedMinutes = patch.estimatedMinutes;
      if (patch.contentNote !== undefined) lesson.contentNote = patch.contentNote;
      if (patch.content !== undefined) lesson.content = patch.content;
      lesson.revision += 1;
      await m.save(lesson);
      await q.touchContent(m, lesson.courseId);
      return toAuthorLesson(lesson);
    });
  }

  async deleteLesson(lessonId: string, auth: AuthContext): Promise<void> {
    const lesson = await this.db.getRepository(LessonEntity).findOneBy({ id: lessonId });
    if (!lesson) throw AppException.notFound('lesson');
    await this.readable(lesson.courseId, auth, 'lesson');
    await this.mutate(lesson.courseId, auth, null, async (course, m) => {
      await m.delete(LessonEntity, { id: lesson.id });
      await this.renumber(m, course.id);
    });
  }

  // ---- helpers ----

  /** Creates a course row with its owner; also used by imports. */
  async insertCourse(
    m: EntityManager,
    fields: Pick<CourseEntity, 'slug' | 'title' | 'summary' | 'language' | 'tags' | 'enrolmentPolicy' | 'ownerId'> &
      Partial<CourseEntity>,
  ): Promise<CourseEntity> {
    try {
      // A savepoint, so that a taken slug leaves the caller's transaction usable.
      return await m.transaction((sm) =>
        sm.save(
          sm.create(CourseEntity, {
            status: 'draft',
            sequential: false,
            courseCode: null,
            coverMediaId: null,
            ...fields,
          }),
        ),
      );
    } catch (e) {
      const error = this.uniqueViolation(e);
      if (error instanceof AppException && error.code === 'slug_taken')
        error.suggestedSlug = await this.freeSlug(m, fields.slug);
      throw error;
    }
  }

  /** A free address name like the taken one: "rights-at-work" → "rights-at-work-2" (or -3, …). */
  async freeSlug(m: EntityManager, taken: string): Promise<string> {
    const base = taken.replace(/-\d{1,2}$/, '');
    for (let from = 2; ; from += 50) {
      const candidates = Array.from({ length: 50 }, (_, i) => {
        const suffix = `-${from + i}`;
        return `${base.slice(0, 80 - suffix.length).replace(/-+$/, '')}${suffix}`;
      });
      const used = await q.takenSlugs(m, candidates);
      const free = candidates.find((c) => !used.has(c));
      if (free) return free;
    }
  }

  /** Runs a change to the draft's settings or outline under a row lock, bumping the revision. */
  private async mutate(
    courseId: string,
    auth: AuthContext,
    revision: number | null,
    change: (course: CourseEntity, m: EntityManager) => Promise<void>,
  ): Promise<AuthorCourse> {
    return this.db.transaction(async (m) => {
      const course = await this.access.course(courseId, auth, 'edit', m, true);
      if (revision !== null && course.revision !== revision) throw staleRevision();
      await change(course, m);
      await q.bumpRevision(m, course.id);
      const fresh = await m.findOneByOrFail(CourseEntity, { id: course.id });
      return this.view(fresh, auth, m);
    });
  }

  private async view(course: CourseEntity, auth: AuthContext, m: EntityManager): Promise<AuthorCourse> {
    const modules = await m.find(CourseModuleEntity, { where: { courseId: course.id }, order: { position: 'ASC' } });
    const lessons = await m.find(LessonEntity, { where: { courseId: course.id }, order: { position: 'ASC' } });
    const summary = toAuthorCourseSummary(course, await this.summaryExtras(course, auth, m));
    return toAuthorCourse(summary, modules, lessons);
  }

  private async summaryExtras(course: CourseEntity, auth: AuthContext, m: EntityManager) {
    const people = await q.coursePeople(m, course.id, course.ownerId);
    const minutes = await q.courseMinutes(m, course.id);
    const ref = (p: { id: string; display_name: string }): PersonRef => ({ id: p.id, displayName: p.display_name });
    const ownerRow = people.find((p) => p.is_owner);
    return {
      owner: ownerRow ? ref(ownerRow) : null,
      coInstructors: people.filter((p) => !p.is_owner).map(ref),
      estimatedMinutes: minutes,
      canEdit: await this.access.canEdit(course, auth, m),
    };
  }

  private async findModule(moduleId: string, auth: AuthContext): Promise<CourseModuleEntity> {
    const mod = await this.db.getRepository(CourseModuleEntity).findOneBy({ id: moduleId });
    if (!mod) throw AppException.notFound('module');
    await this.readable(mod.courseId, auth, 'module');
    return mod;
  }

  /** A lesson or module of a course the caller cannot see is "not found", like a missing one. */
  private async readable(courseId: string, auth: AuthContext, what: string): Promise<void> {
    try {
      await this.access.course(courseId, auth, 'read');
    } catch (e) {
      if (e instanceof AppException && e.code === 'not_found') throw AppException.notFound(what);
      throw e;
    }
  }

  private async editable(courseId: string, auth: AuthContext, m: EntityManager, what: string): Promise<void> {
    try {
      await this.access.course(courseId, auth, 'edit', m);
    } catch (e) {
      if (e instanceof AppException && e.code === 'not_found') throw AppException.notFound(what);
      throw e;
    }
  }

  private async renumber(m: EntityManager, courseId: string): Promise<void> {
    await q.renumber(m, courseId);
  }

  async assertCourseMedia(m: EntityManager, courseId: string, mediaId: string, path: string): Promise<void> {
    if (!(await q.isCourseMedia(m, mediaId, courseId)))
      throw AppException.validation([{ path, message: 'is not a file of this course' }]);
  }

  private uniqueViolation(e: unknown): unknown {
    const err = e as { code?: string; detail?: string; driverError?: { code?: string; detail?: string } };
    const code = err.driverError?.code ?? err.code;
    const detail = err.driverError?.detail ?? err.detail ?? '';
    if (code === '23505' && detail.includes('(course_code)')) {
      return new AppException(409, 'conflict', 'Another course already uses this course code.', [
        { path: 'body.courseCode', message: 'is already taken' },
      ]);
    }
    if (code === '23505') return slugTaken();
    return e;
  }
}
