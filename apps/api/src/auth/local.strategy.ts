import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { DariRequest } from '../common/http/request.js';
import type { SignInAccount } from './account.js';
import { AuthService } from './auth.service.js';

/** Passport's local strategy: username and password from the (already validated) JSON body. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true, session: false });
  }

  async validate(req: DariRequest, username: string, password: string): Promise<SignInAccount | false> {
    return (await this.auth.verifyCredentials(username, password, req.id)) ?? false;
  }
}
