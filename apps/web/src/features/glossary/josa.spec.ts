import { describe, expect, it } from 'vitest';
import { objectParticle } from './josa';

describe('the object particle after a word', () => {
  it('is 를 after a vowel and 을 after a final consonant', () => {
    expect(objectParticle('손전화')).toBe('를');
    expect(objectParticle('전입신고')).toBe('를');
    expect(objectParticle('갑질')).toBe('을');
    expect(objectParticle('근로계약서 ')).toBe('를');
    expect(objectParticle('최저임금')).toBe('을');
  });

  it('follows how a final digit is read, and stays neutral when it cannot tell', () => {
    expect(objectParticle('제29')).toBe('를'); // 구
    expect(objectParticle('1331')).toBe('을'); // 일
    expect(objectParticle('GPS')).toBe('을(를)');
    expect(objectParticle('')).toBe('을(를)');
  });
});
