import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  announcementListSchema,
  announcementSchema,
  createCohortAnnouncementSchema,
  createCourseAnnouncementSchema,
} from '@dari/contracts';
import { Auth, RequestId, Roles } from '../common/auth/decorators.js';
import type { AuthContext } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import { AnnouncementsService } from './announcements.service.js';

class CreateCohortAnnouncementDto extends createZodDto(createCohortAnnouncementSchema) {}
class CreateCourseAnnouncementDto extends createZodDto(createCourseAnnouncementSchema) {}
class AnnouncementDto extends createZodDto(announcementSchema) {}
class AnnouncementListDto extends createZodDto(announcementListSchema) {}

/** A manager's announcements to a cohort. */
@ApiTags('announcements')
@Controller('cohorts/:id/announcements')
@Roles('manager', 'admin')
export class CohortAnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get()
  @ZodResponse({ type: AnnouncementListDto })
  list(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.announcements.cohortList(params.id, auth);
  }

  @Post()
  @ZodResponse({ status: 201, type: AnnouncementDto })
  create(
    @Auth() auth: AuthContext,
    @Param() params: IdParamDto,
    @Body() body: CreateCohortAnnouncementDto,
    @RequestId() requestId: string,
  ) {
    return this.announcements.toCohort(params.id, body, auth, requestId);
  }
}

/** An instructor's announcements to a course's learners. */
@ApiTags('announcements')
@Controller('authoring/courses/:id/announcements')
@Roles('instructor', 'admin')
export class CourseAnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get()
  @ZodResponse({ type: AnnouncementListDto })
  list(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.announcements.courseList(params.id, auth);
  }

  @Post()
  @ZodResponse({ status: 201, type: AnnouncementDto })
  create(
    @Auth() auth: AuthContext,
    @Param() params: IdParamDto,
    @Body() body: CreateCourseAnnouncementDto,
    @RequestId() requestId: string,
  ) {
    return this.announcements.toCourse(params.id, body.text, auth, requestId);
  }
}

/** What was sent to me, for the course and cohort pages (the inbox has them too). */
@ApiTags('announcements')
@Controller('me')
@Roles('learner')
export class MyAnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get('courses/:id/announcements')
  @ZodResponse({ type: AnnouncementListDto })
  course(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.announcements.mineInCourse(params.id, auth);
  }

  @Get('cohorts/:id/announcements')
  @ZodResponse({ type: AnnouncementListDto })
  cohort(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.announcements.mineInCohort(params.id, auth);
  }
}
