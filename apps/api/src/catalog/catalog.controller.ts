import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  catalogSchema,
  courseOutlineSchema,
  learnerCourseSchema,
  learnerLessonSchema,
  lessonSlugParamSchema,
  slugParamSchema,
} from '@dari/contracts';
import { AnyRole, Auth } from '../common/auth/decorators.js';
import type { AuthContext, DariReply, DariRequest } from '../common/http/request.js';
import { CatalogService } from './catalog.service.js';

class CatalogDto extends createZodDto(catalogSchema) {}
class LearnerCourseDto extends createZodDto(learnerCourseSchema) {}
class SlugParamDto extends createZodDto(slugParamSchema) {}
class LessonSlugParamDto extends createZodDto(lessonSlugParamSchema) {}
class CourseOutlineDto extends createZodDto(courseOutlineSchema) {}
class LearnerLessonDto extends createZodDto(learnerLessonSchema) {}

/** Whether the browser's copy (If-None-Match) is this one: a list of tags, or "*"; W/ compares weakly, as RFC 9110 asks. */
export function matchesEtag(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const tags = (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch).split(',').map((t) => t.trim());
  return tags.some((t) => t === '*' || t.replace(/^W\//, '') === etag);
}

/**
 * A published version never changes: its answers carry a strong ETag, and the browser keeps them
 * (private: access is per person) and asks again each time (no-cache: the latest version may move on),
 * getting a 304 without a body while it is the same.
 */
function sendCached(req: DariRequest, reply: DariReply, answer: { etag: string; body: unknown }): void {
  void reply.header('etag', answer.etag).header('cache-control', 'private, no-cache');
  if (matchesEtag(req.headers['if-none-match'], answer.etag)) void reply.code(304).send();
  else void reply.send(answer.body);
}

/** The courses a learner can find and open. */
@ApiTags('catalog')
@Controller('courses')
@AnyRole()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ZodResponse({ type: CatalogDto })
  list(@Auth() auth: AuthContext) {
    return this.catalog.list(auth);
  }

  /** The latest published version, with every lesson; quizzes without their answers. */
  @Get(':slug')
  @ZodResponse({ type: LearnerCourseDto })
  get(@Auth() auth: AuthContext, @Param() params: SlugParamDto) {
    return this.catalog.get(params.slug, auth);
  }

  /** The outline of the latest published version: titles, kinds and ids, no lesson content. */
  @Get(':slug/outline')
  @ApiOkResponse({ type: CourseOutlineDto })
  async outline(
    @Auth() auth: AuthContext,
    @Param() params: SlugParamDto,
    @Req() req: DariRequest,
    @Res() reply: DariReply,
  ): Promise<void> {
    sendCached(req, reply, await this.catalog.outline(params.slug, auth));
  }

  /** One lesson of the latest published version, its Markdown as sanitised HTML rendered at publish time. */
  @Get(':slug/lessons/:lessonId')
  @ApiOkResponse({ type: LearnerLessonDto })
  async lesson(
    @Auth() auth: AuthContext,
    @Param() params: LessonSlugParamDto,
    @Req() req: DariRequest,
    @Res() reply: DariReply,
  ): Promise<void> {
    sendCached(req, reply, await this.catalog.lesson(params.slug, params.lessonId, auth));
  }
}
