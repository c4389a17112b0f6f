import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { cohortChartsSchema } from '@dari/contracts';
import { Auth, Roles } from '../common/auth/decorators.js';
import type { AuthContext } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import { ChartsService } from './charts.service.js';

class CohortChartsDto extends createZodDto(cohortChartsSchema) {}

/** The cohort page's charts, for the cohort's managers (and admins): aggregates only. */
@ApiTags('reports')
@Controller('reports/cohorts/:id/charts')
@Roles('manager', 'admin')
export class ChartsController {
  constructor(private readonly charts: ChartsService) {}

  @Get()
  @ZodResponse({ type: CohortChartsDto })
  cohort(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.charts.cohortCharts(params.id, auth);
  }
}
