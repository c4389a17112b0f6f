import { describe, expect, it } from 'vitest';
import { createUserSchema, loginSchema, redeemResetCodeSchema, updateMeSchema, usernameSchema } from './index.js';

describe('contracts', () => {
  it('normalises usernames: trimmed, NFC, lower case; any script; no spaces or symbols', () => {
    expect(usernameSchema.parse('  Kim.Bada ')).toBe('kim.bada');
    expect(usernameSchema.parse('하늘'.normalize('NFD'))).toBe('하늘');
    expect(usernameSchema.parse('小明_2026')).toBe('小明_2026');
    for (const bad of ['a', 'a b', '.dot', 'x'.repeat(33), 'semi;colon', '<script>'])
      expect(usernameSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('rejects unknown keys everywhere (no mass assignment)', () => {
    expect(loginSchema.safeParse({ username: 'a', password: 'b', role: 'admin' }).success).toBe(false);
    expect(updateMeSchema.safeParse({ role: 'admin' }).success).toBe(false);
    expect(updateMeSchema.safeParse({}).success).toBe(false);
    expect(updateMeSchema.safeParse({ locale: 'zh' }).success).toBe(true);
  });

  it('password policy is length only: 8 to 128', () => {
    const base = { username: 'new.user', displayName: '새', role: 'learner' };
    expect(createUserSchema.safeParse({ ...base, password: 'x'.repeat(7) }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...base, password: 'abcdefgh' }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...base, password: 'x'.repeat(129) }).success).toBe(false);
    expect(createUserSchema.parse(base).locale).toBe('ko');
  });

  it('accepts reset codes as people type them', () => {
    const parse = (code: string) =>
      redeemResetCodeSchema.parse({ username: 'a.b', code, newPassword: 'long enough' }).code;
    expect(parse('abcd-efgh-jkmn')).toBe('ABCDEFGHJKMN');
    expect(parse(' ABCD EFGH JKMN ')).toBe('ABCDEFGHJKMN');
    expect(
      redeemResetCodeSchema.safeParse({ username: 'a.b', code: 'ABCD-EFGH-JKM0', newPassword: 'long enough' }).success,
    ).toBe(false);
  });
});
