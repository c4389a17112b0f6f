import { describe, expect, it } from 'vitest';
import { AppException } from '../common/errors/app-exception.js';
import { PasswordService } from './password.service.js';

describe('PasswordService', () => {
  const passwords = new PasswordService();

  it('hashes with argon2id at OWASP parameters and verifies', async () => {
    const hash = await passwords.hash('비밀번호는 길게 쓰세요');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await passwords.verify(hash, '비밀번호는 길게 쓰세요')).toBe(true);
    expect(await passwords.verify(hash, '비밀번호는 짧게 쓰세요')).toBe(false);
    expect(await passwords.verify(null, 'anything')).toBe(false);
    expect(await passwords.verify('not a hash', 'anything')).toBe(false);
  });

  it('refuses common passwords and the username, accepts ordinary passphrases', () => {
    for (const common of ['password', 'Password1', '12345678', 'qwer1234', '1q2w3e4r', 'iloveyou', 'password1!']) {
      expect(() => passwords.assertAcceptable(common), common).toThrow(AppException);
    }
    expect(() => passwords.assertAcceptable('kim.bada2026', 'kim.bada')).toThrow(/too common/);
    expect(() => passwords.assertAcceptable('바다가 보이는 창문', 'kim.bada')).not.toThrow();
    expect(() => passwords.assertAcceptable('correct horse battery staple')).not.toThrow();
  });
});
