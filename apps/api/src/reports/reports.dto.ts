import { createZodDto } from 'nestjs-zod';
import {
  cohortGridQuerySchema,
  cohortGridSchema,
  courseReportSchema,
  learnerReportSchema,
  programReportSchema,
  sharedReflectionsSchema,
} from '@dari/contracts';

export class ProgramReportDto extends createZodDto(programReportSchema) {}
export class CohortGridDto extends createZodDto(cohortGridSchema) {}
export class CohortGridQueryDto extends createZodDto(cohortGridQuerySchema) {}
export class CourseReportDto extends createZodDto(courseReportSchema) {}
export class LearnerReportDto extends createZodDto(learnerReportSchema) {}
export class SharedReflectionsDto extends createZodDto(sharedReflectionsSchema) {}
