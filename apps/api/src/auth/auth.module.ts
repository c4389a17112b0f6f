import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { CsrfGuard } from './csrf.guard.js';
import { DeviceCookiesService } from './device-cookies.service.js';
import { LocalStrategy } from './local.strategy.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordService } from './password.service.js';
import { ResetCodesService } from './reset-codes.service.js';
import { SessionGuard } from './session.guard.js';
import { SessionSettleInterceptor } from './session-settle.interceptor.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [PassportModule],
  controllers: [AuthController],
  providers: [
    // Global guards run in this order: origin check first, then who is calling and may they.
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: SessionGuard },
    // A write answers once this instance has heard the session notices it caused (session-cache.ts).
    { provide: APP_INTERCEPTOR, useClass: SessionSettleInterceptor },
    AuthService,
    DeviceCookiesService,
    LocalStrategy,
    LoginThrottleService,
    PasswordService,
    ResetCodesService,
    SessionsService,
  ],
  exports: [PasswordService, SessionsService, ResetCodesService, LoginThrottleService],
})
export class AuthModule {}
