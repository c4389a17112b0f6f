import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Auth, Roles } from '../common/auth/decorators.js';
import type { AuthContext, DariRequest } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import { MediaDto, MediaListDto } from './media.dto.js';
import { MediaService } from './media.service.js';

/** A course's media files as its authors see them (same access as the course: see AuthoringCoursesController). */
@ApiTags('authoring')
@Controller('authoring')
@Roles('instructor', 'manager', 'admin')
export class AuthoringMediaController {
  constructor(private readonly media: MediaService) {}

  @Get('courses/:id/media')
  @ZodResponse({ type: MediaListDto })
  listMedia(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.media.list(params.id, auth);
  }

  /** One image, audio or video file as multipart/form-data (field `file`). */
  @Post('courses/:id/media')
  @Roles('instructor', 'admin')
  @ZodResponse({ status: 201, type: MediaDto })
  async upload(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Req() req: DariRequest) {
    const file = req.isMultipart() ? await req.file() : undefined;
    return this.media.upload(params.id, file, auth);
  }
}
