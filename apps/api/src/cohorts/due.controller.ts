import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  cohortDueCountsSchema,
  cohortSessionListSchema,
  cohortSessionParamSchema,
  cohortSessionSchema,
  createCohortSessionSchema,
  todoSchema,
  updateCohortSessionSchema,
} from '@dari/contracts';
import { Auth, Roles } from '../common/auth/decorators.js';
import type { AuthContext } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import { DueService } from './due.service.js';

class SessionDto extends createZodDto(cohortSessionSchema) {}
class SessionListDto extends createZodDto(cohortSessionListSchema) {}
class CreateSessionDto extends createZodDto(createCohortSessionSchema) {}
class UpdateSessionDto extends createZodDto(updateCohortSessionSchema) {}
class SessionParamDto extends createZodDto(cohortSessionParamSchema) {}
class DueCountsDto extends createZodDto(cohortDueCountsSchema) {}
class TodoDto extends createZodDto(todoSchema) {}

/** A cohort's dated sessions and its due-date counts: the managers who run it, and admins. */
@ApiTags('program')
@Controller('cohorts')
@Roles('manager', 'admin')
export class CohortDueController {
  constructor(private readonly due: DueService) {}

  @Get(':id/sessions')
  @ZodResponse({ type: SessionListDto })
  sessions(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.due.sessions(params.id, auth);
  }

  @Post(':id/sessions')
  @ZodResponse({ status: 201, type: SessionDto })
  createSession(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: CreateSessionDto) {
    return this.due.createSession(params.id, body, auth);
  }

  @Patch(':id/sessions/:sessionId')
  @ZodResponse({ type: SessionDto })
  updateSession(@Auth() auth: AuthContext, @Param() params: SessionParamDto, @Body() body: UpdateSessionDto) {
    return this.due.updateSession(params.id, params.sessionId, body, auth);
  }

  @Delete(':id/sessions/:sessionId')
  @HttpCode(204)
  async deleteSession(@Auth() auth: AuthContext, @Param() params: SessionParamDto): Promise<void> {
    await this.due.deleteSession(params.id, params.sessionId, auth);
  }

  /** Upcoming and overdue counts per course, from the counters: how many, never who. */
  @Get(':id/due')
  @ZodResponse({ type: DueCountsDto })
  dueCounts(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.due.dueCounts(params.id, auth);
  }
}

/** The learner's own to-do list: their assigned courses with due dates, and their cohorts' dates and sessions. */
@ApiTags('learning')
@Controller('me/todo')
@Roles('learner')
export class MyTodoController {
  constructor(private readonly due: DueService) {}

  @Get()
  @ZodResponse({ type: TodoDto })
  todo(@Auth() auth: AuthContext) {
    return this.due.todo(auth);
  }
}
