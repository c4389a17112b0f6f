import type {
  AuthorCourse,
  AuthorCourseSummary,
  AuthorLesson,
  PersonRef,
  PublishedCourse,
  PublishedLesson,
} from '@dari/contracts';
import type { CourseModuleEntity } from './course-module.entity.js';
import type { CourseEntity } from './course.entity.js';
import type { LessonEntity } from './lesson.entity.js';

export type { PersonRef };

export function toAuthorCourseSummary(
  course: CourseEntity,
  extra: { owner: PersonRef | null; coInstructors: PersonRef[]; estimatedMinutes: number; canEdit: boolean },
): AuthorCourseSummary {
  return {
    id: course.id,
    slug: course.slug,
    status: course.status,
    title: course.title,
    summary: course.summary,
    language: course.language,
    tags: course.tags as AuthorCourseSummary['tags'],
    estimatedMinutes: extra.estimatedMinutes,
    enrolmentPolicy: course.enrolmentPolicy,
    courseCode: course.courseCode,
    sequential: course.sequential,
    coverMediaId: course.coverMediaId,
    owner: extra.owner,
    coInstructors: extra.coInstructors,
    latestVersion: course.latestVersion,
    publishedAt: course.publishedAt?.toISOString() ?? null,
    hasUnpublishedChanges:
      course.publishedAt === null || course.contentChangedAt.getTime() > course.publishedAt.getTime(),
    canEdit: extra.canEdit,
    revision: course.revision,
    updatedAt: course.updatedAt.toISOString(),
  };
}

export function toAuthorCourse(
  summary: AuthorCourseSummary,
  modules: CourseModuleEntity[],
  lessons: LessonEntity[],
): AuthorCourse {
  return {
    ...summary,
    modules: modules.map((mod) => ({
      id: mod.id,
      key: mod.key,
      title: mod.title,
      lessons: lessons
        .filter((l) => l.moduleId === mod.id)
        .map((l) => ({
          id: l.id,
          key: l.key,
          kind: l.kind,
          title: l.title,
          required: l.required,
          estimatedMinutes: l.estimatedMinutes,
          hasContentNote: hasText(l.contentNote),
        })),
    })),
  };
}

export function toAuthorLesson(l: LessonEntity): AuthorLesson {
  return {
    id: l.id,
    courseId: l.courseId,
    moduleId: l.moduleId,
    key: l.key,
    title: l.title,
    required: l.required,
    estimatedMinutes: l.estimatedMinutes,
    contentNote: l.contentNote,
    content: l.content,
    revision: l.revision,
    updatedAt: l.updatedAt.toISOString(),
  };
}

/** The course as learners get it: what a publish freezes, and what a preview shows. */
export function toPublishedCourse(
  course: CourseEntity,
  version: number | null,
  modules: CourseModuleEntity[],
  lessons: LessonEntity[],
): PublishedCourse {
  return {
    courseId: course.id,
    version,
    slug: course.slug,
    title: course.title,
    summary: course.summary,
    language: course.language,
    tags: course.tags as PublishedCourse['tags'],
    estimatedMinutes: lessons.reduce((sum, l) => sum + l.estimatedMinutes, 0),
    sequential: course.sequential,
    coverMediaId: course.coverMediaId,
    modules: modules.map((mod) => ({
      id: mod.id,
      key: mod.key,
      title: mod.title,
      lessons: lessons
        .filter((l) => l.moduleId === mod.id)
        .map((l): PublishedLesson => ({
          id: l.id,
          key: l.key,
          kind: l.kind,
          title: l.title,
          required: l.required,
          estimatedMinutes: l.estimatedMinutes,
          contentNote: hasText(l.contentNote) ? l.contentNote : null,
          content: l.content,
        })),
    })),
  };
}

export function hasText(t: { ko: string; en?: string; zh?: string } | null | undefined): boolean {
  return Boolean(t && (t.ko.trim() || t.en?.trim() || t.zh?.trim()));
}
