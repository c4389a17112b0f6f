import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Auth, RequestId, Roles } from '../common/auth/decorators.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext, DariReply, DariRequest } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import { AuthorCourseDto } from '../courses/index.js';
import { BundleQueryDto, ImportQueryDto } from './bundles.dto.js';
import { BundlesService } from './bundles.service.js';

/** Courses as bundles (.zip, docs/bundle-format.md): export a draft or version, import one as a new draft. */
@ApiTags('authoring')
@Controller('authoring')
@Roles('instructor', 'manager', 'admin')
export class BundlesController {
  constructor(private readonly bundles: BundlesService) {}

  /** A bundle (.zip) as a new draft course owned by the caller. */
  @Post('courses/import')
  @Roles('instructor', 'admin')
  @ZodResponse({ status: 201, type: AuthorCourseDto })
  async import(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Req() req: DariRequest,
    @Query() query: ImportQueryDto,
  ) {
    const file = req.isMultipart() ? await req.file() : undefined;
    if (!file)
      throw AppException.validation([
        { path: 'body.file', message: 'is required: send the bundle .zip as multipart/form-data' },
      ]);
    const zip = await file.toBuffer().catch(() => {
      throw new AppException(413, 'file_too_large', 'This bundle is too large.');
    });
    return this.bundles.importZip(zip, auth, query.slug, requestId);
  }

  /** The draft (or `?version=N`) as a bundle .zip: see docs/bundle-format.md. */
  @Get('courses/:id/bundle')
  async bundle(
    @Auth() auth: AuthContext,
    @Param() params: IdParamDto,
    @Query() query: BundleQueryDto,
    @Res() reply: DariReply,
  ): Promise<void> {
    const { filename, zip } = await this.bundles.exportZip(params.id, auth, query.version);
    await reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(Buffer.from(zip));
  }
}
