import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { catalogSchema, publishedCourseSchema, slugParamSchema } from '@dari/contracts';
import { AnyRole, Auth } from '../common/auth/decorators.js';
import type { AuthContext } from '../common/http/request.js';
import { CatalogService } from './catalog.service.js';

class CatalogDto extends createZodDto(catalogSchema) {}
class PublishedCourseDto extends createZodDto(publishedCourseSchema) {}
class SlugParamDto extends createZodDto(slugParamSchema) {}

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

  /** The latest published version, with every lesson. */
  @Get(':slug')
  @ZodResponse({ type: PublishedCourseDto })
  get(@Auth() auth: AuthContext, @Param() params: SlugParamDto) {
    return this.catalog.get(params.slug, auth);
  }
}
