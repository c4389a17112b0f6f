import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Auth, Roles } from '../common/auth/decorators.js';
import type { AuthContext } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import {
  AuthorCourseDto,
  AuthorLessonDto,
  CreateLessonDto,
  UpdateLessonDto,
  UpdateModuleDto,
} from './authoring.dto.js';
import { AuthoringService } from './authoring.service.js';

/** Modules and lessons of a draft. */
@ApiTags('authoring')
@Controller('authoring')
@Roles('instructor', 'admin')
export class AuthoringLessonsController {
  constructor(private readonly authoring: AuthoringService) {}

  @Patch('modules/:id')
  @ZodResponse({ type: AuthorCourseDto })
  renameModule(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: UpdateModuleDto) {
    return this.authoring.renameModule(params.id, body.title, auth);
  }

  /** Deletes the module and its lessons from the draft (published versions keep them). */
  @Delete('modules/:id')
  @ZodResponse({ type: AuthorCourseDto })
  deleteModule(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.authoring.deleteModule(params.id, auth);
  }

  @Post('modules/:id/lessons')
  @ZodResponse({ status: 201, type: AuthorLessonDto })
  addLesson(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: CreateLessonDto) {
    return this.authoring.addLesson(params.id, body.kind, body.title, auth);
  }

  @Get('lessons/:id')
  @Roles('instructor', 'manager', 'admin')
  @ZodResponse({ type: AuthorLessonDto })
  getLesson(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.authoring.getLesson(params.id, auth);
  }

  /** Saves part of a lesson; `revision` must be the one last read (409 stale_revision otherwise). */
  @Patch('lessons/:id')
  @ZodResponse({ type: AuthorLessonDto })
  updateLesson(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: UpdateLessonDto) {
    return this.authoring.updateLesson(params.id, body, auth);
  }

  @Delete('lessons/:id')
  @HttpCode(204)
  async deleteLesson(@Auth() auth: AuthContext, @Param() params: IdParamDto): Promise<void> {
    await this.authoring.deleteLesson(params.id, auth);
  }
}
