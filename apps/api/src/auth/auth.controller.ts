import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AnyRole, Auth, Public, RequestId } from '../common/auth/decorators.js';
import type { AuthContext, DariReply, DariRequest } from '../common/http/request.js';
import { LoginDto, MeDto, RedeemResetCodeDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { DeviceCookiesService } from './device-cookies.service.js';
import { LoginGuard, loginAttemptOf } from './login.guard.js';
import { ResetCodesService } from './reset-codes.service.js';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie.js';
import type { SignInAccount } from './account.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resetCodes: ResetCodesService,
    private readonly devices: DeviceCookiesService,
  ) {}

  /**
   * Signs in; a new session cookie replaces any old one. Unless the person said this is a shared
   * device, the browser also gets a device cookie for this account (docs/sign-in-limits.md).
   */
  @Post('login')
  @Public()
  @UseGuards(LoginGuard)
  @ApiBody({ type: LoginDto })
  @ZodResponse({ status: 200, type: MeDto })
  async login(
    @Req() req: DariRequest & { user: SignInAccount },
    @Res({ passthrough: true }) reply: DariReply,
    @Body() body: LoginDto,
  ) {
    const { me, session } = await this.auth.completeLogin(req.user, {
      ip: req.ip,
      requestId: req.id,
      userAgent: req.headers['user-agent'],
      sharedDevice: body.sharedDevice ?? false,
      previousToken: sessionToken(req),
      attempt: loginAttemptOf(req),
    });
    setSessionCookie(req, reply, session);
    if (!body.sharedDevice) await this.devices.remember(req, reply, req.user);
    return me;
  }

  @Post('logout')
  @AnyRole()
  @HttpCode(204)
  async logout(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Req() req: DariRequest,
    @Res({ passthrough: true }) reply: DariReply,
  ): Promise<void> {
    await this.auth.logout(auth.userId, auth.sessionId, requestId);
    clearSessionCookie(req, reply);
  }

  /** Ends every session of this person, on every device, this one included. */
  @Post('logout-all')
  @AnyRole()
  @HttpCode(204)
  async logoutAll(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Req() req: DariRequest,
    @Res({ passthrough: true }) reply: DariReply,
  ): Promise<void> {
    await this.auth.logoutEverywhere(auth.userId, requestId);
    clearSessionCookie(req, reply);
  }

  /** Sets a new password with a one-time code from a manager or admin; every session of the account ends. */
  @Post('redeem-reset-code')
  @Public()
  @HttpCode(204)
  async redeem(@Body() body: RedeemResetCodeDto, @Req() req: DariRequest): Promise<void> {
    await this.resetCodes.redeem(body.username, body.code, body.newPassword, req.ip, req.id);
  }
}
