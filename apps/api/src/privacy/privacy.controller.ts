import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  auditPageSchema,
  auditQuerySchema,
  endedSessionsSchema,
  eraseMeSchema,
  sessionListSchema,
} from '@dari/contracts';
import { clearSessionCookie } from '../auth/index.js';
import { AnyRole, Auth, RequestId, Roles } from '../common/auth/decorators.js';
import type { AuthContext, DariReply, DariRequest } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import { MySessionsService } from './my-sessions.service.js';
import { PrivacyService } from './privacy.service.js';

class SessionListDto extends createZodDto(sessionListSchema) {}
class EraseMeDto extends createZodDto(eraseMeSchema) {}
class AuditQueryDto extends createZodDto(auditQuerySchema) {}
class AuditPageDto extends createZodDto(auditPageSchema) {}
class EndedSessionsDto extends createZodDto(endedSessionsSchema) {}

/** A person's devices, data export and erasure. */
@ApiTags('privacy')
@Controller('me')
@AnyRole()
export class MyPrivacyController {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly mySessions: MySessionsService,
  ) {}

  @Get('sessions')
  @ZodResponse({ type: SessionListDto })
  sessions(@Auth() auth: AuthContext) {
    return this.privacy.sessions(auth);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  async endSession(@Auth() auth: AuthContext, @Param() params: IdParamDto): Promise<void> {
    await this.privacy.endSession(params.id, auth);
  }

  /** Ends every other device of mine at once; this one stays signed in. Answers how many ended. */
  @Post('sessions/end-others')
  @HttpCode(200)
  @ZodResponse({ type: EndedSessionsDto })
  endOtherSessions(@Auth() auth: AuthContext, @RequestId() requestId: string) {
    return this.mySessions.endOthers(auth, requestId);
  }

  /** Everything Dari holds about me, as one JSON file. */
  @Get('export')
  async export(@Auth() auth: AuthContext, @RequestId() requestId: string, @Res() reply: DariReply): Promise<void> {
    const data = await this.privacy.export(auth.userId, requestId);
    await reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="dari-my-data.json"')
      .send(JSON.stringify(data, null, 2));
  }

  /** Erases my account, after my password; every session ends. */
  @Post('erase')
  @HttpCode(204)
  async erase(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Body() body: EraseMeDto,
    @Req() req: DariRequest,
    @Res({ passthrough: true }) reply: DariReply,
  ): Promise<void> {
    await this.privacy.eraseMe(body.password, auth, requestId);
    clearSessionCookie(req, reply);
  }
}

/** Erasure on request, and the audit log. */
@ApiTags('privacy')
@Controller()
export class StaffPrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Admins any account; managers a learner of a cohort they manage. */
  @Post('users/:id/erase')
  @Roles('manager', 'admin')
  @HttpCode(204)
  async erase(@Auth() auth: AuthContext, @RequestId() requestId: string, @Param() params: IdParamDto): Promise<void> {
    await this.privacy.eraseByStaff(params.id, auth, requestId);
  }

  @Get('admin/audit')
  @Roles('admin')
  @ZodResponse({ type: AuditPageDto })
  audit(@Query() query: AuditQueryDto) {
    return this.privacy.auditLog(query);
  }
}
