import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { setSessionCookie } from '../auth/index.js';
import { Auth, Public, RequestId, Roles } from '../common/auth/decorators.js';
import type { AuthContext, DariReply, DariRequest } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import {
  CodeIdParamDto,
  CreateJoinCodeDto,
  JoinCodeDto,
  JoinCodeListDto,
  JoinCodeParamDto,
  JoinDto,
  JoinExistingDto,
  JoinPreviewDto,
  MeDto,
} from './join.dto.js';
import { JoinService } from './join.service.js';

/** A cohort's join codes: the managers who run it, and admins. */
@ApiTags('program')
@Controller('cohorts')
@Roles('manager', 'admin')
export class JoinCodesController {
  constructor(private readonly joins: JoinService) {}

  @Get(':id/join-codes')
  @ZodResponse({ type: JoinCodeListDto })
  joinCodes(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.joins.joinCodes(params.id, auth);
  }

  @Post(':id/join-codes')
  @ZodResponse({ status: 201, type: JoinCodeDto })
  createJoinCode(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: CreateJoinCodeDto) {
    return this.joins.createJoinCode(params.id, body, auth);
  }

  @Post(':id/join-codes/:codeId/revoke')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: JoinCodeDto })
  revoke(@Auth() auth: AuthContext, @Param() params: CodeIdParamDto) {
    return this.joins.revokeJoinCode(params.id, params.codeId, auth);
  }
}

/** Joining with a code: no email, no phone. */
@ApiTags('program')
@Controller('join')
export class JoinController {
  constructor(private readonly joins: JoinService) {}

  /** Which cohort a code opens (or why it cannot be used). Throttled per address. */
  @Get(':code')
  @Public()
  @ZodResponse({ type: JoinPreviewDto })
  preview(@Param() params: JoinCodeParamDto, @Req() req: DariRequest) {
    return this.joins.previewJoin(params.code, req.ip);
  }

  /** Makes a learner account in the cohort and its courses, and signs the person in. */
  @Post()
  @Public()
  @ZodResponse({ status: 201, type: MeDto })
  async join(@Body() body: JoinDto, @Req() req: DariRequest, @Res({ passthrough: true }) reply: DariReply) {
    const { me, session } = await this.joins.join(body, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
      requestId: req.id,
    });
    setSessionCookie(req, reply, session);
    return me;
  }
}

/** A learner who already has an account joins another cohort with its code: their consent to that programme. */
@ApiTags('program')
@Controller('me/cohorts')
export class MyCohortsController {
  constructor(private readonly joins: JoinService) {}

  /** Joins the cohort the code opens (and its courses); already a member: nothing changes. Throttled per address. */
  @Post()
  @HttpCode(200)
  @Roles('learner')
  @ZodResponse({ status: 200, type: JoinPreviewDto })
  join(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Body() body: JoinExistingDto,
    @Req() req: DariRequest,
  ) {
    return this.joins.joinExisting(body.code, auth, { ip: req.ip, requestId });
  }
}
