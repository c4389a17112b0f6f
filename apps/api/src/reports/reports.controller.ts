import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import type { Locale } from '@dari/contracts';
import { AuditService } from '../audit/index.js';
import { Auth, RequestId, Roles } from '../common/auth/decorators.js';
import type { AuthContext, DariReply } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import {
  CohortGridDto,
  CohortGridQueryDto,
  CourseReportDto,
  LearnerReportDto,
  ProgramReportDto,
  SharedReflectionsDto,
} from './reports.dto.js';
import { cohortExport, courseExport, programExport, type ExportFile } from './export-tables.js';
import { exportQuerySchema, exportResponse, type ExportQuery } from './export-writer.js';
import { ReportsService } from './reports.service.js';

class ExportQueryDto extends createZodDto(exportQuerySchema) {}

/** Dashboards and their exports: CSV (UTF-8 with BOM, so Korean Excel opens them right) or .xlsx, streamed. */
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

  /** Exports take `?format=csv|xlsx` (CSV by default) and `?lang=ko|en|zh` (the web app sends its language; else the account's). */
  @Get('program/export')
  async programExport(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Query() query: ExportQueryDto,
    @Res() reply: DariReply,
  ): Promise<void> {
    const r = await this.reports.program(auth);
    const locale = query.lang ?? (await this.reports.accountLocale(auth.userId));
    await this.send(reply, programExport(r, locale), query, locale, auth, requestId, 'program');
  }

  @Get('cohorts/:id/export')
  async cohortExport(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Param() params: IdParamDto,
    @Query() query: ExportQueryDto,
    @Res() reply: DariReply,
  ): Promise<void> {
    const { cohort, courses, rows } = await this.reports.cohortExport(params.id, auth); // access checked here
    const locale = query.lang ?? (await this.reports.accountLocale(auth.userId));
    await this.send(reply, cohortExport(cohort, courses, rows, locale), query, locale, auth, requestId, 'cohort');
  }

  @Get('courses/:id/export')
  @Roles('instructor', 'manager', 'admin')
  async courseExport(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Param() params: IdParamDto,
    @Query() query: ExportQueryDto,
    @Res() reply: DariReply,
  ): Promise<void> {
    const r = await this.reports.course(params.id, auth);
    const locale = query.lang ?? (await this.reports.accountLocale(auth.userId));
    await this.send(reply, courseExport(r, locale), query, locale, auth, requestId, 'course');
  }

  private async send(
    reply: DariReply,
    file: ExportFile,
    query: ExportQuery,
    locale: Locale,
    auth: AuthContext,
    requestId: string,
    report: string,
  ): Promise<void> {
    const format = query.format ?? 'csv';
    await this.audit.record({
      actorId: auth.userId,
      action: 'report.exported',
      requestId,
      details: { report, format },
    });
    const { body, headers } = exportResponse(file.table, { format, locale, ...file });
    await reply.headers(headers).send(body);
  }
}
