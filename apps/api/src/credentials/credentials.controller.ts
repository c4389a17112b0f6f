import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CREDENTIAL_VERIFY_MAX_BYTES } from '@dari/contracts';
import { AnyRole, Auth, Public, RequestId, Roles } from '../common/auth/decorators.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext, DariReply, DariRequest } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import { bakePng, bakeSvg } from './badge.js';
import {
  CredentialQueryDto,
  CredentialStateDto,
  CredentialVerificationDto,
  DidDocumentDto,
  IssuerDto,
  RevokeCredentialDto,
  RevokedCredentialDto,
  StatusListParamDto,
  UpdateIssuerDto,
  VerifyCredentialBodyDto,
} from './credentials.dto.js';
import { CredentialsService } from './credentials.service.js';

/**
 * Open Badges 3.0 credentials (issue 19). A learner's routes act on their own certificate only
 * (anyone else's id answers 404, like a missing one); the status lists, the DID document and
 * verification are public; the issuer profile and revocation are an admin's.
 */
@ApiTags('credentials')
@Controller()
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  /** The signed credential; issued on the first request unless the learner withdrew it. `?download=1`: as a file. */
  @Get('certificates/:id/credential')
  @AnyRole()
  async get(
    @Auth() auth: AuthContext,
    @Param() params: IdParamDto,
    @Query() query: CredentialQueryDto,
    @RequestId() requestId: string,
    @Res() reply: DariReply,
  ) {
    const { json, code } = await this.credentials.credential(params.id, auth, 'get', requestId);
    if (query.download === '1') reply.header('content-disposition', `attachment; filename="dari-${code}.json"`);
    await reply.header('content-type', 'application/json; charset=utf-8').send(json);
  }

  /** Asks for the credential again after withdrawing it: a new credential with a new status position. */
  @Post('certificates/:id/credential')
  @AnyRole()
  async issue(
    @Auth() auth: AuthContext,
    @Param() params: IdParamDto,
    @RequestId() requestId: string,
    @Res() reply: DariReply,
  ) {
    const { json } = await this.credentials.credential(params.id, auth, 'issue', requestId);
    await reply.status(200).header('content-type', 'application/json; charset=utf-8').send(json);
  }

  /** Withdraws the credential: revoked at once (its status bit set); the certificate itself stays. */
  @Delete('certificates/:id/credential')
  @AnyRole()
  @ZodResponse({ type: CredentialStateDto })
  withdraw(@Auth() auth: AuthContext, @Param() params: IdParamDto, @RequestId() requestId: string) {
    return this.credentials.withdraw(params.id, auth, requestId);
  }

  /** The badge as SVG (the course title on it), the credential baked in. */
  @Get('certificates/:id/badge.svg')
  @AnyRole()
  async badgeSvg(
    @Auth() auth: AuthContext,
    @Param() params: IdParamDto,
    @RequestId() requestId: string,
    @Res() reply: DariReply,
  ) {
    const { json, code } = await this.credentials.credential(params.id, auth, 'get', requestId);
    const title = (JSON.parse(json) as { name?: string }).name ?? '';
    await reply
      .header('content-type', 'image/svg+xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="dari-${code}.svg"`)
      .send(bakeSvg(title, json));
  }

  /** The badge as PNG (the code and a QR code of its verify address), the credential baked in (an `iTXt` chunk, keyword `openbadgecredential`). */
  @Get('certificates/:id/badge.png')
  @AnyRole()
  async badgePng(
    @Auth() auth: AuthContext,
    @Param() params: IdParamDto,
    @RequestId() requestId: string,
    @Res() reply: DariReply,
  ) {
    const { json, code } = await this.credentials.credential(params.id, auth, 'get', requestId);
    await reply
      .header('content-type', 'image/png')
      .header('content-disposition', `attachment; filename="dari-${code}.png"`)
      .send(bakePng(json, { code, verifyUrl: this.credentials.verifyAddress(code) }));
  }

  /** Public: checks a pasted or uploaded credential, offline (bundled contexts, Dari's own keys and lists). */
  @Post('credentials/verify')
  @Public()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: CredentialVerificationDto })
  verify(@Body() body: VerifyCredentialBodyDto, @Req() req: DariRequest) {
    if (Buffer.byteLength(JSON.stringify(body)) > CREDENTIAL_VERIFY_MAX_BYTES)
      throw new AppException(413, 'payload_too_large', 'A credential must be at most 64 KiB.');
    return this.credentials.verify(body, req.ip);
  }

  /** Public: a signed Bitstring Status List credential (verifiers may cache it for 5 minutes). */
  @Get('credentials/status/:list')
  @Public()
  async statusList(@Param() params: StatusListParamDto, @Res() reply: DariReply) {
    const list = await this.credentials.statusList(Number(params.list));
    await reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(JSON.stringify(list));
  }

  /** Public: the issuer's DID document (also at /.well-known/did.json): did:web with every key, else the current did:key. */
  @Get('credentials/did.json')
  @Public()
  @ZodResponse({ type: DidDocumentDto })
  did() {
    return this.credentials.did();
  }

  @Post('admin/credentials/revoke')
  @Roles('admin')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: RevokedCredentialDto })
  revoke(@Auth() auth: AuthContext, @Body() body: RevokeCredentialDto, @RequestId() requestId: string) {
    return this.credentials.revoke(body.code, body.reason, auth, requestId);
  }

  @Get('admin/issuer')
  @Roles('admin')
  @ZodResponse({ type: IssuerDto })
  issuer() {
    return this.credentials.issuer();
  }

  @Put('admin/issuer')
  @Roles('admin')
  @ZodResponse({ type: IssuerDto })
  updateIssuer(@Auth() auth: AuthContext, @Body() body: UpdateIssuerDto, @RequestId() requestId: string) {
    return this.credentials.updateIssuer(body, auth, requestId);
  }
}
