import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Auth, RequestId, Roles } from '../common/auth/decorators.js';
import type { AuthContext } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import {
  AuthorCourseDto,
  AuthorCourseListDto,
  CourseChangesDto,
  CourseVersionListDto,
  CreateCourseDto,
  CreateModuleDto,
  DuplicateCourseDto,
  InstructorListDto,
  InstructorQueryDto,
  ListAuthorCoursesQueryDto,
  PublishedCourseDto,
  PublishResultDto,
  ReorderOutlineDto,
  SetCoInstructorsDto,
  UpdateCourseDto,
  VersionParamDto,
} from './authoring.dto.js';
import { AuthoringService } from './authoring.service.js';
import { PublishingService } from './publishing.service.js';

/**
 * Courses as their authors see them. Managers read; instructors edit their own and co-taught
 * courses; admins everything. Someone else's course answers 404, like a missing one.
 */
@ApiTags('authoring')
@Controller('authoring')
@Roles('instructor', 'manager', 'admin')
export class AuthoringCoursesController {
  constructor(
    private readonly authoring: AuthoringService,
    private readonly publishing: PublishingService,
  ) {}

  @Get('courses')
  @ZodResponse({ type: AuthorCourseListDto })
  list(@Auth() auth: AuthContext, @Query() query: ListAuthorCoursesQueryDto) {
    return this.authoring.list(query, auth);
  }

  @Post('courses')
  @Roles('instructor', 'admin')
  @ZodResponse({ status: 201, type: AuthorCourseDto })
  create(@Auth() auth: AuthContext, @Body() body: CreateCourseDto) {
    return this.authoring.create(body, auth);
  }

  @Get('instructors')
  @ZodResponse({ type: InstructorListDto })
  instructors(@Query() query: InstructorQueryDto) {
    return this.authoring.instructors(query.q);
  }

  @Get('courses/:id')
  @ZodResponse({ type: AuthorCourseDto })
  get(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.authoring.get(params.id, auth);
  }

  /** Settings of the draft; `revision` must be the one last read (409 stale_revision otherwise). */
  @Patch('courses/:id')
  @Roles('instructor', 'admin')
  @ZodResponse({ type: AuthorCourseDto })
  update(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: UpdateCourseDto) {
    return this.authoring.update(params.id, body, auth);
  }

  @Post('courses/:id/duplicate')
  @Roles('instructor', 'admin')
  @ZodResponse({ status: 201, type: AuthorCourseDto })
  duplicate(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: DuplicateCourseDto) {
    return this.authoring.duplicate(params.id, body, auth);
  }

  @Post('courses/:id/archive')
  @Roles('instructor', 'admin')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: AuthorCourseDto })
  archive(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.authoring.setArchived(params.id, true, auth);
  }

  @Post('courses/:id/unarchive')
  @Roles('instructor', 'admin')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: AuthorCourseDto })
  unarchive(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.authoring.setArchived(params.id, false, auth);
  }

  /** Only the owner or an admin names co-instructors. */
  @Put('courses/:id/co-instructors')
  @Roles('instructor', 'admin')
  @ZodResponse({ type: AuthorCourseDto })
  coInstructors(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: SetCoInstructorsDto) {
    return this.authoring.setCoInstructors(params.id, body.userIds, auth);
  }

  @Post('courses/:id/modules')
  @Roles('instructor', 'admin')
  @ZodResponse({ status: 201, type: AuthorCourseDto })
  addModule(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: CreateModuleDto) {
    return this.authoring.addModule(params.id, body.title, auth);
  }

  /** The whole outline in its new order (move up/down, move a lesson to another module). */
  @Put('courses/:id/outline')
  @Roles('instructor', 'admin')
  @ZodResponse({ type: AuthorCourseDto })
  reorder(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: ReorderOutlineDto) {
    return this.authoring.reorder(params.id, body, auth);
  }

  @Post('courses/:id/publish')
  @Roles('instructor', 'admin')
  @ZodResponse({ status: 201, type: PublishResultDto })
  publish(@Auth() auth: AuthContext, @RequestId() requestId: string, @Param() params: IdParamDto) {
    return this.publishing.publish(params.id, auth, requestId);
  }

  @Get('courses/:id/versions')
  @ZodResponse({ type: CourseVersionListDto })
  versions(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.publishing.versions(params.id, auth);
  }

  /** What the draft changes since the latest version: lessons and modules added, removed, edited or moved. */
  @Get('courses/:id/changes')
  @ZodResponse({ type: CourseChangesDto })
  changes(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.publishing.changes(params.id, auth);
  }

  @Get('courses/:id/versions/:version')
  @ZodResponse({ type: PublishedCourseDto })
  version(@Auth() auth: AuthContext, @Param() params: VersionParamDto) {
    return this.publishing.version(params.id, params.version, auth);
  }

  /** The draft exactly as learners would get it if it were published now. */
  @Get('courses/:id/preview')
  @ZodResponse({ type: PublishedCourseDto })
  preview(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.publishing.preview(params.id, auth);
  }
}
