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

  it("refuses passwords the strength estimator finds easy to guess: repeats, walks, Korean words typed in English mode, the person's own names", () => {
    for (const weak of [
      'aaaaaaaa',
      'abcdefgh',
      'asdfghjk',
      'qwertyuiop',
      '11111111',
      'tkfkdgo1',
      'dkssudgktpdy',
      'saranghae',
      '사랑해사랑해',
      'qwer1234!',
    ]) {
      expect(() => passwords.assertAcceptable(weak), weak).toThrow(/too common or too easy/);
    }
    // The display name counts as well as the username.
    expect(() => passwords.assertAcceptable('hanulbada7', 'learner.07', '하늘 hanulbada')).toThrow(
      /too common or too easy/,
    );
    expect(() => passwords.assertAcceptable('hanulbada7', 'learner.07', '바다')).not.toThrow();
    for (const fine of ['x7#kQ2!m', '우리집 고양이는 세 살', 'blue-river-lamp-42', 'gkdlwndi1!x']) {
      expect(() => passwords.assertAcceptable(fine, 'learner.07', '하늘'), fine).not.toThrow();
    }
  });
});
