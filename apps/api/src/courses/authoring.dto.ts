import { createZodDto } from 'nestjs-zod';
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
  instructorListSchema,
  instructorQuerySchema,
  listAuthorCoursesQuerySchema,
  publishedCourseSchema,
  publishResultSchema,
  reorderOutlineSchema,
  setCoInstructorsSchema,
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
export class PublishResultDto extends createZodDto(publishResultSchema) {}
export class InstructorListDto extends createZodDto(instructorListSchema) {}
export class InstructorQueryDto extends createZodDto(instructorQuerySchema) {}
export class CourseChangesDto extends createZodDto(courseChangesSchema) {}
