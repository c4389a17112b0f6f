import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import {
  addMembersSchema,
  assignCourseSchema,
  cohortCourseParamSchema,
  cohortGridQuerySchema,
  cohortGridSchema,
  cohortListSchema,
  cohortMemberSchema,
  cohortMembersQuerySchema,
  cohortMembersSchema,
  cohortSchema,
  courseReportSchema,
  createCohortSchema,
  createJoinCodeSchema,
  importLearnersSchema,
  importResultSchema,
  joinCodeListSchema,
  joinCodeParamSchema,
  joinCodeSchema,
  joinPreviewSchema,
  joinSchema,
  learnerReportSchema,
  memberLookupResultSchema,
  memberLookupSchema,
  memberParamSchema,
  meSchema,
  programReportSchema,
  renameMemberSchema,
  resetCodeSchema,
  sharedReflectionsSchema,
  updateCohortSchema,
  uuidSchema,
} from '@dari/contracts';
import { AuditService } from '../audit/audit.service.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { Auth, Public, RequestId, Roles } from '../common/auth/decorators.js';
import type { AuthContext, DariReply, DariRequest } from '../common/http/request.js';
import { IdParamDto } from '../users/users.dto.js';
import { CohortsService } from './cohorts.service.js';
import { ReportsService } from './reports.service.js';

class CohortDto extends createZodDto(cohortSchema) {}
class CohortListDto extends createZodDto(cohortListSchema) {}
class CreateCohortDto extends createZodDto(createCohortSchema) {}
class UpdateCohortDto extends createZodDto(updateCohortSchema) {}
class MembersQueryDto extends createZodDto(cohortMembersQuerySchema) {}
class MembersDto extends createZodDto(cohortMembersSchema) {}
class AddMembersDto extends createZodDto(addMembersSchema) {}
class MemberParamDto extends createZodDto(memberParamSchema) {}
class MemberDto extends createZodDto(cohortMemberSchema) {}
class RenameMemberDto extends createZodDto(renameMemberSchema) {}
class MemberLookupDto extends createZodDto(memberLookupSchema) {}
class MemberLookupResultDto extends createZodDto(memberLookupResultSchema) {}
class JoinCodeDto extends createZodDto(joinCodeSchema) {}
class JoinCodeListDto extends createZodDto(joinCodeListSchema) {}
class CreateJoinCodeDto extends createZodDto(createJoinCodeSchema) {}
class CodeIdParamDto extends createZodDto(z.strictObject({ id: uuidSchema, codeId: uuidSchema })) {}
class JoinCodeParamDto extends createZodDto(joinCodeParamSchema) {}
class JoinPreviewDto extends createZodDto(joinPreviewSchema) {}
class JoinDto extends createZodDto(joinSchema) {}
class JoinExistingDto extends createZodDto(joinCodeParamSchema) {}
class MeDto extends createZodDto(meSchema) {}
class ImportLearnersDto extends createZodDto(importLearnersSchema) {}
class ImportResultDto extends createZodDto(importResultSchema) {}
class ResetCodeDto extends createZodDto(resetCodeSchema) {}
class AssignCourseDto extends createZodDto(assignCourseSchema) {}
class CohortCourseParamDto extends createZodDto(cohortCourseParamSchema) {}
class ProgramReportDto extends createZodDto(programReportSchema) {}
class CohortGridDto extends createZodDto(cohortGridSchema) {}
class CohortGridQueryDto extends createZodDto(cohortGridQuerySchema) {}
class CourseReportDto extends createZodDto(courseReportSchema) {}
class LearnerReportDto extends createZodDto(learnerReportSchema) {}
class SharedReflectionsDto extends createZodDto(sharedReflectionsSchema) {}

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

  @Get(':id/join-codes')
  @ZodResponse({ type: JoinCodeListDto })
  joinCodes(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.cohorts.joinCodes(params.id, auth);
  }

  @Post(':id/join-codes')
  @ZodResponse({ status: 201, type: JoinCodeDto })
  createJoinCode(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: CreateJoinCodeDto) {
    return this.cohorts.createJoinCode(params.id, body, auth);
  }

  @Post(':id/join-codes/:codeId/revoke')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: JoinCodeDto })
  revoke(@Auth() auth: AuthContext, @Param() params: CodeIdParamDto) {
    return this.cohorts.revokeJoinCode(params.id, params.codeId, auth);
  }
}

/** Joining with a code: no email, no phone. */
@ApiTags('program')
@Controller('join')
export class JoinController {
  constructor(private readonly cohorts: CohortsService) {}

  /** Which cohort a code opens (or why it cannot be used). Throttled per address. */
  @Get(':code')
  @Public()
  @ZodResponse({ type: JoinPreviewDto })
  preview(@Param() params: JoinCodeParamDto, @Req() req: DariRequest) {
    return this.cohorts.previewJoin(params.code, req.ip);
  }

  /** Makes a learner account in the cohort and its courses, and signs the person in. */
  @Post()
  @Public()
  @ZodResponse({ status: 201, type: MeDto })
  async join(@Body() body: JoinDto, @Req() req: DariRequest, @Res({ passthrough: true }) reply: DariReply) {
    const { me, session } = await this.cohorts.join(body, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
      requestId: String(req.id),
    });
    setSessionCookie(req, reply, session);
    return me;
  }
}

/** A learner who already has an account joins another cohort with its code: their consent to that programme. */
@ApiTags('program')
@Controller('me/cohorts')
export class MyCohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  /** Joins the cohort the code opens (and its courses); already a member: nothing changes. Throttled per address. */
  @Post()
  @HttpCode(200)
  @Roles('learner')
  @ZodResponse({ status: 200, type: JoinPreviewDto })
  join(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Body() body: JoinExistingDto,
    @Req() req: DariRequest,
  ) {
    return this.cohorts.joinExisting(body.code, auth, { ip: req.ip, requestId });
  }
}

/** Dashboards and their CSV exports (UTF-8 with BOM, so Korean Excel opens them right; streamed). */
@ApiTags('reports')
@Controller('reports')
@Roles('manager', 'admin')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  @Get('program')
  @ZodResponse({ type: ProgramReportDto })
  program(@Auth() auth: AuthContext) {
    return this.reports.program(auth);
  }

  @Get('cohorts/:id')
  @ZodResponse({ type: CohortGridDto })
  cohort(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Query() query: CohortGridQueryDto) {
    return this.reports.cohortGrid(
      params.id,
      {
        page: query.page,
        pageSize: query.pageSize,
        onlyAtRisk: query.atRisk === 'true',
        after: query.after,
        before: query.before,
      },
      auth,
    );
  }

  /** Instructors see the reports of their own courses. */
  @Get('courses/:id')
  @Roles('instructor', 'manager', 'admin')
  @ZodResponse({ type: CourseReportDto })
  course(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.reports.course(params.id, auth);
  }

  /** Reflections learners shared with the course's instructors; reading them is audited. */
  @Get('courses/:id/reflections')
  @Roles('instructor', 'admin')
  @ZodResponse({ type: SharedReflectionsDto })
  reflections(@Auth() auth: AuthContext, @RequestId() requestId: string, @Param() params: IdParamDto) {
    return this.reports.sharedReflections(params.id, auth, requestId);
  }

  /** One learner; opening it is audited. */
  @Get('learners/:id')
  @Roles('instructor', 'manager', 'admin')
  @ZodResponse({ type: LearnerReportDto })
  learner(@Auth() auth: AuthContext, @RequestId() requestId: string, @Param() params: IdParamDto) {
    return this.reports.learner(params.id, auth, requestId);
  }

  @Get('program/export')
  async programCsv(@Auth() auth: AuthContext, @RequestId() requestId: string, @Res() reply: DariReply): Promise<void> {
    const r = await this.reports.program(auth);
    const rows = [
      ['scope', 'name', 'learners', 'enrolments', 'completions', 'completion_rate'],
      ['program', '', r.learners, r.enrolments, r.completions, r.completionRate],
      ...r.cohorts.map((c) => ['cohort', c.name, c.learners, c.enrolments, c.completions, c.completionRate]),
      ...r.courses.map((c) => ['course', c.title.ko, '', c.enrolments, c.completions, c.completionRate]),
    ];
    await this.send(reply, 'program.csv', Readable.from(rows), auth, requestId, 'program');
  }

  @Get('cohorts/:id/export')
  async cohortCsv(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Param() params: IdParamDto,
    @Res() reply: DariReply,
  ): Promise<void> {
    const rows = this.reports.cohortGridRows(params.id, auth);
    const first = await rows.next(); // access is checked here, before any byte is sent
    async function* all() {
      if (!first.done) yield first.value;
      yield* rows;
    }
    await this.send(reply, `cohort-${params.id.slice(0, 8)}.csv`, Readable.from(all()), auth, requestId, 'cohort');
  }

  @Get('courses/:id/export')
  @Roles('instructor', 'manager', 'admin')
  async courseCsv(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Param() params: IdParamDto,
    @Res() reply: DariReply,
  ): Promise<void> {
    const r = await this.reports.course(params.id, auth);
    const rows = [
      ['lesson', 'kind', 'started', 'completed', 'question', 'answers', 'correct_share'],
      ...r.lessons.map((l) => [l.title.ko, l.kind, l.started, l.completed, '', '', '']),
      ...r.questions.map((q) => [
        r.lessons.find((l) => l.lessonId === q.lessonId)?.title.ko ?? '',
        'quiz',
        '',
        '',
        q.prompt.ko,
        q.answers,
        q.correctShare ?? '',
      ]),
    ];
    await this.send(reply, 'course.csv', Readable.from(rows), auth, requestId, 'course');
  }

  private async send(
    reply: DariReply,
    filename: string,
    rows: Readable,
    auth: AuthContext,
    requestId: string,
    report: string,
  ): Promise<void> {
    await this.audit.record({ actorId: auth.userId, action: 'report.exported', requestId, details: { report } });
    const csv = rows.pipe(stringify({ bom: true, cast: { boolean: (v) => (v ? 'yes' : 'no') } }));
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(csv);
  }
}
