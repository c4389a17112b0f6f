/** What other features may use of auth. */
export { AuthModule } from './auth.module.js';
export { LoginThrottleService } from './login-throttle.service.js';
export { PasswordService } from './password.service.js';
export { ResetCodesService } from './reset-codes.service.js';
export { SessionsService, type NewSession } from './sessions.service.js';
export { clearSessionCookie, setSessionCookie } from './session-cookie.js';
export { MeDto } from './auth.dto.js';
export { toMe, type SignInAccount } from './account.js';
export { normaliseUsername } from './username.js';
