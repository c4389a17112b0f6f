import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppException } from '../common/errors/app-exception.js';

// OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot read).
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Passwords people here pick often that the English list lacks (keyboard walks, Korean words typed on a QWERTY layout).
const LOCAL_COMMON = ['qwer1234', 'asdf1234', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4', 'zxcv1234', 'gkdlwn', 'dkssudgktpdy', 'tkfkdgo', 'dari1234', 'password1!', 'a1234567', 'qwerty123', '11223344', '12341234', 'abcd1234'];

@Injectable()
export class PasswordService {
  private readonly common = new Set<string>([...(dictionary['passwords-common'] as string[]), ...LOCAL_COMMON]);
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    // Without a hash (unknown user, password not set yet) verify against a dummy one, so that the
    // answer takes as long as for a real account: no account enumeration by timing.
    const target = passwordHash ?? (await (this.dummyHash ??= this.hash('dari-dummy-password-for-timing')));
    try {
      const ok = await verify(target, password);
      return ok && passwordHash !== null;
    } catch {
      return false;
    }
  }

  /** Refuses passwords on the common-password lists, and the username itself. No composition rules. */
  assertAcceptable(password: string, username?: string): void {
    const lower = password.toLowerCase();
    if (this.common.has(lower) || this.common.has(lower.replace(/[!@#$%^&*.]+$/, '')) || (username && lower.includes(username.toLowerCase()))) {
      throw new AppException(400, 'password_too_common', 'This password is too common or too easy to guess. Choose another one.', [
        { path: 'body.password', message: 'is too common or too easy to guess' },
      ]);
    }
  }
}
