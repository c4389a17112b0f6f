import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { convertHangulToQwerty, romanize } from 'es-hangul';
import { AppException } from '../common/errors/app-exception.js';

// OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot read).
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Passwords people here pick often that the English list lacks (keyboard walks, Korean words typed on a QWERTY layout).
const LOCAL_COMMON = [
  'qwer1234',
  'asdf1234',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'q1w2e3r4',
  'zxcv1234',
  'gkdlwn',
  'dkssudgktpdy',
  'tkfkdgo',
  'dari1234',
  'password1!',
  'a1234567',
  'qwerty123',
  '11223344',
  '12341234',
  'abcd1234',
];

// Words people here build passwords from, as typed in Hangul, as the same keys typed with the
// keyboard left in English mode (사랑해 → tkfkdgo), and romanised (saranghae).
const KOREAN_WORDS = [
  '사랑',
  '사랑해',
  '안녕',
  '안녕하세요',
  '비밀번호',
  '대한민국',
  '한국',
  '서울',
  '부산',
  '조선',
  '평양',
  '통일',
  '자유',
  '행복',
  '하늘',
  '바다',
  '우리',
  '엄마',
  '아빠',
  '친구',
  '가족',
  '고향',
  '희망',
  '꿈',
  '별',
  '달',
  '해',
  '봄',
  '여름',
  '가을',
  '겨울',
  '사과',
  '김치',
  '축구',
  '학교',
  '다리',
  '하나',
  '하나원',
  '공부',
  '최고',
  '짱',
  '화이팅',
  '파이팅',
  '감사',
  '감사합니다',
  '미안해',
  '보고싶어',
  '아이유',
  '방탄',
  '토끼',
  '고양이',
  '강아지',
];
const KOREAN_DICTIONARY = [
  ...new Set(KOREAN_WORDS.flatMap((w) => [w, convertHangulToQwerty(w), romanize(w).replace(/\s+/g, '').toLowerCase()])),
];

/** zxcvbn's score (0–4) a password must reach: 2 is "somewhat guessable" (about 10^8 guesses), well beyond an online attacker held back by the sign-in limits. */
export const MIN_PASSWORD_SCORE = 2;

@Injectable()
export class PasswordService {
  private readonly common = new Set<string>([...dictionary['passwords-common'], ...LOCAL_COMMON]);
  // The strength estimator: common passwords, names and words in several languages, Korean words
  // (above), keyboard walks (QWERTY, which is also where the Korean 2-set layout's keys sit).
  private readonly estimator = new ZxcvbnFactory({
    dictionary: { ...dictionary, koreanWords: KOREAN_DICTIONARY, local: LOCAL_COMMON },
    graphs: adjacencyGraphs,
  });
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

  /**
   * Refuses passwords on the common-password lists, the username itself, and any the strength
   * estimator finds easy to guess (score below MIN_PASSWORD_SCORE) given what it knows of the person
   * (username, display name). No composition rules. Every path that sets a password calls this.
   */
  assertAcceptable(password: string, ...personal: (string | null | undefined)[]): void {
    const lower = password.toLowerCase();
    const inputs = personal
      .filter((x): x is string => Boolean(x && x.trim()))
      .flatMap((x) => [x, ...x.split(/[\s._-]+/).filter((part) => part.length >= 3)]);
    const username = personal[0];
    const tooCommon =
      this.common.has(lower) ||
      this.common.has(lower.replace(/[!@#$%^&*.]+$/, '')) ||
      (username && lower.includes(username.toLowerCase()));
    if (tooCommon || this.estimator.check(password.slice(0, 128), inputs).score < MIN_PASSWORD_SCORE) {
      throw new AppException(
        400,
        'password_too_common',
        'This password is too common or too easy to guess. Choose another one.',
        [{ path: 'body.password', message: 'is too common or too easy to guess' }],
      );
    }
  }
}
