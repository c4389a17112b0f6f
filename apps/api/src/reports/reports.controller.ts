import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import { ZodResponse } from 'nestjs-zod';
import { Readable } from 'node:stream';
import { AuditService } from '../audit/index.js';
import { Auth, RequestId, Roles } from '../common/auth/decorators.js';
import type { AuthContext, DariReply } from '../common/http/request.js';
import { IdParamDto } from '../users/index.js';
import {
  CohortGridDto,
  CohortGridQueryDto,
  CourseReportDto,
  LearnerReportDto,
  ProgramReportDto,
  SharedReflectionsDto,
} from './reports.dto.js';
import { ReportsService } from './reports.service.js';

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
