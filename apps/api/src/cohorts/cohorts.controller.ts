import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Auth, RequestId, Roles } from '../common/auth/decorators.js';
import type { AuthContext } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import {
  AddMembersDto,
  AssignCourseDto,
  CohortCourseParamDto,
  CohortDto,
  CohortListDto,
  CreateCohortDto,
  ImportLearnersDto,
  ImportResultDto,
  MemberDto,
  MemberLookupDto,
  MemberLookupResultDto,
  MemberParamDto,
  MembersDto,
  MembersQueryDto,
  RenameMemberDto,
  ResetCodeDto,
  UpdateCohortDto,
} from './cohorts.dto.js';
import { CohortsService } from './cohorts.service.js';

/** Cohorts: the managers who run them, and admins. */
@ApiTags('program')
@Controller('cohorts')
@Roles('manager', 'admin')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Get()
  @ZodResponse({ type: CohortListDto })
  list(@Auth() auth: AuthContext) {
    return this.cohorts.list(auth);
  }

  @Post()
  @ZodResponse({ status: 201, type: CohortDto })
  create(@Auth() auth: AuthContext, @Body() body: CreateCohortDto) {
    return this.cohorts.create(body, auth);
  }

  @Get(':id')
  @ZodResponse({ type: CohortDto })
  get(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.cohorts.get(params.id, auth);
  }

  @Patch(':id')
  @ZodResponse({ type: CohortDto })
  update(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: UpdateCohortDto) {
    return this.cohorts.update(params.id, body, auth);
  }

  @Get(':id/members')
  @ZodResponse({ type: MembersDto })
  members(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Query() query: MembersQueryDto) {
    return this.cohorts.members(params.id, query, auth);
  }

  /** Managers, instructors and learners; learners are enrolled in the cohort's courses at once. */
  @Post(':id/members')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: CohortDto })
  addMembers(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Param() params: IdParamDto,
    @Body() body: AddMembersDto,
  ) {
    return this.cohorts.addMembers(params.id, body.members, auth, requestId);
  }

  /** One existing account by its exact username (in the body, never the URL), to confirm before adding it. Audited; no partial matches. */
  @Post(':id/members/lookup')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: MemberLookupResultDto })
  lookup(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Param() params: IdParamDto,
    @Body() body: MemberLookupDto,
  ) {
    return this.cohorts.lookupAccount(params.id, body.username, auth, requestId);
  }

  @Delete(':id/members/:userId')
  @ZodResponse({ type: CohortDto })
  removeMember(@Auth() auth: AuthContext, @Param() params: MemberParamDto) {
    return this.cohorts.removeMember(params.id, params.userId, auth);
  }

  /** Corrects a learner's display name: a learner wholly in the caller's care (like reset codes); audited with ids only. */
  @Patch(':id/members/:userId')
  @ZodResponse({ type: MemberDto })
  renameMember(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Param() params: MemberParamDto,
    @Body() body: RenameMemberDto,
  ) {
    return this.cohorts.renameMember(params.id, params.userId, body.displayName, auth, requestId);
  }

  /** A one-time password code for a learner of this cohort. */
  @Post(':id/members/:userId/reset-code')
  @ZodResponse({ status: 201, type: ResetCodeDto })
  resetCode(@Auth() auth: AuthContext, @RequestId() requestId: string, @Param() params: MemberParamDto) {
    return this.cohorts.learnerResetCode(params.id, params.userId, auth, requestId);
  }

  /** Learner accounts from CSV (username, displayName, language): all or nothing, with a one-time code each. */
  @Post(':id/learners/import')
  @ZodResponse({ status: 201, type: ImportResultDto })
  importLearners(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: ImportLearnersDto) {
    return this.cohorts.importLearners(params.id, body.csv, auth);
  }

  @Put(':id/courses')
  @ZodResponse({ type: CohortDto })
  assign(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: AssignCourseDto) {
    return this.cohorts.assignCourse(params.id, body.courseId, body.dueOn, auth);
  }

  @Delete(':id/courses/:courseId')
  @ZodResponse({ type: CohortDto })
  unassign(@Auth() auth: AuthContext, @Param() params: CohortCourseParamDto) {
    return this.cohorts.unassignCourse(params.id, params.courseId, auth);
  }
}
