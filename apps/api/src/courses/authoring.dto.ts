import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  authorCourseListSchema,
  authorCourseSchema,
  authorLessonSchema,
  courseChangesSchema,
  courseVersionListSchema,
  createCourseSchema,
  createLessonSchema,
  createModuleSchema,
  duplicateCourseSchema,
  listAuthorCoursesQuerySchema,
  mediaSchema,
  publishedCourseSchema,
  reorderOutlineSchema,
  setCoInstructorsSchema,
  slugSchema,
  updateCourseSchema,
  updateLessonSchema,
  updateModuleSchema,
  versionParamSchema,
} from '@dari/contracts';

export class ListAuthorCoursesQueryDto extends createZodDto(listAuthorCoursesQuerySchema) {}
export class AuthorCourseListDto extends createZodDto(authorCourseListSchema) {}
export class AuthorCourseDto extends createZodDto(authorCourseSchema) {}
export class CreateCourseDto extends createZodDto(createCourseSchema) {}
export class UpdateCourseDto extends createZodDto(updateCourseSchema) {}
export class DuplicateCourseDto extends createZodDto(duplicateCourseSchema) {}
export class SetCoInstructorsDto extends createZodDto(setCoInstructorsSchema) {}
export class CreateModuleDto extends createZodDto(createModuleSchema) {}
export class UpdateModuleDto extends createZodDto(updateModuleSchema) {}
export class ReorderOutlineDto extends createZodDto(reorderOutlineSchema) {}
export class CreateLessonDto extends createZodDto(createLessonSchema) {}
export class UpdateLessonDto extends createZodDto(updateLessonSchema) {}
export class AuthorLessonDto extends createZodDto(authorLessonSchema) {}
export class CourseVersionListDto extends createZodDto(courseVersionListSchema) {}
export class PublishedCourseDto extends createZodDto(publishedCourseSchema) {}
export class VersionParamDto extends createZodDto(versionParamSchema) {}
export class MediaDto extends createZodDto(mediaSchema) {}
export class MediaListDto extends createZodDto(z.object({ items: z.array(mediaSchema) })) {}
export class PublishResultDto extends createZodDto(
  z.object({ version: z.number().int(), publishedAt: z.iso.datetime({ offset: true }) }),
) {}
export class InstructorListDto extends createZodDto(
  z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string() })) }),
) {}
export class InstructorQueryDto extends createZodDto(z.strictObject({ q: z.string().trim().max(100).optional() })) {}
export class BundleQueryDto extends createZodDto(
  z.strictObject({ version: z.coerce.number().int().min(1).max(100_000).optional() }),
) {}
export class ImportQueryDto extends createZodDto(z.strictObject({ slug: slugSchema.optional() })) {}
export class CourseChangesDto extends createZodDto(courseChangesSchema) {}
