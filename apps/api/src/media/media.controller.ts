import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnyRole, Auth } from '../common/auth/decorators.js';
import type { AuthContext, DariReply } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import { MediaService } from './media.service.js';

@ApiTags('media')
@Controller('media')
@AnyRole()
export class MediaController {
  constructor(private readonly media: MediaService) {}

  /** The bytes of an uploaded file, for those who may see its course. */
  @Get(':id')
  async get(
    @Auth() auth: AuthContext,
    @Param() params: IdParamDto,
    @Headers('range') range: string | undefined,
    @Res() reply: DariReply,
  ): Promise<void> {
    await this.media.serve(params.id, auth, range, reply);
  }
}
