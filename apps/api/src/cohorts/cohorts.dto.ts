import { createZodDto } from 'nestjs-zod';
import {
  addMembersSchema,
  assignCourseSchema,
  cohortCourseParamSchema,
  cohortListSchema,
  cohortMemberSchema,
  cohortMembersQuerySchema,
  cohortMembersSchema,
  cohortSchema,
  createCohortSchema,
  importLearnersSchema,
  importResultSchema,
  memberLookupResultSchema,
  memberLookupSchema,
  memberParamSchema,
  renameMemberSchema,
  resetCodeSchema,
  updateCohortSchema,
} from '@dari/contracts';

export class CohortDto extends createZodDto(cohortSchema) {}
export class CohortListDto extends createZodDto(cohortListSchema) {}
export class CreateCohortDto extends createZodDto(createCohortSchema) {}
export class UpdateCohortDto extends createZodDto(updateCohortSchema) {}
export class MembersQueryDto extends createZodDto(cohortMembersQuerySchema) {}
export class MembersDto extends createZodDto(cohortMembersSchema) {}
export class AddMembersDto extends createZodDto(addMembersSchema) {}
export class MemberParamDto extends createZodDto(memberParamSchema) {}
export class MemberDto extends createZodDto(cohortMemberSchema) {}
export class RenameMemberDto extends createZodDto(renameMemberSchema) {}
export class MemberLookupDto extends createZodDto(memberLookupSchema) {}
export class MemberLookupResultDto extends createZodDto(memberLookupResultSchema) {}
export class ImportLearnersDto extends createZodDto(importLearnersSchema) {}
export class ImportResultDto extends createZodDto(importResultSchema) {}
export class ResetCodeDto extends createZodDto(resetCodeSchema) {}
export class AssignCourseDto extends createZodDto(assignCourseSchema) {}
export class CohortCourseParamDto extends createZodDto(cohortCourseParamSchema) {}
