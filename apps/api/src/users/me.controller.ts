import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AnyRole, Auth, RequestId } from '../common/auth/decorators.js';
import type { AuthContext } from '../common/http/request.js';
import { MeDto } from '../auth/index.js';
import { ChangePasswordDto, UpdateMeDto } from './users.dto.js';
import { UsersService } from './users.service.js';

/** The signed-in person's own account. */
@ApiTags('me')
@Controller('me')
@AnyRole()
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ZodResponse({ type: MeDto })
  me(@Auth() auth: AuthContext) {
    return this.users.me(auth.userId, auth.sessionId);
  }

  /** Display name and interface language; nothing else can be changed here. */
  @Patch()
  @ZodResponse({ type: MeDto })
  update(@Auth() auth: AuthContext, @Body() body: UpdateMeDto) {
    return this.users.updateMe(auth.userId, auth.sessionId, body);
  }

  /** Needs the current password; every other session of the account ends. */
  @Post('password')
  @HttpCode(204)
  async changePassword(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    await this.users.changePassword(
      { userId: auth.userId, sessionId: auth.sessionId, requestId },
      body.currentPassword,
      body.newPassword,
    );
  }
}
