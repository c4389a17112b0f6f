import { describe, expect, it } from 'vitest';
import { endOfKoreanDay, formatAuditTime, koreanToday, startOfKoreanDay } from './format-time';

describe('audit times in Korea time', () => {
  it('turns chosen days into the API’s from (inclusive) and to (exclusive), across month and year ends', () => {
    expect(startOfKoreanDay('2026-11-28')).toBe('2026-11-28T00:00:00+09:00');
    expect(endOfKoreanDay('2026-11-28')).toBe('2026-11-29T00:00:00+09:00');
    expect(endOfKoreanDay('2026-02-28')).toBe('2026-03-01T00:00:00+09:00');
    expect(endOfKoreanDay('2026-12-31')).toBe('2027-01-01T00:00:00+09:00');
  });

  it('shows an instant as Seoul sees it, whatever the device’s zone', () => {
    // 15:30 UTC on the 27th is half past midnight on the 28th in Seoul.
    expect(formatAuditTime('2026-11-27T15:30:05.000Z', 'en')).toMatch(/Nov 28, 2026.*12:30:05\sAM/);
    expect(formatAuditTime('2026-11-27T15:30:05.000Z', 'zh')).toContain('2026年11月28日');
    expect(koreanToday(new Date('2026-11-27T15:30:05.000Z'))).toBe('2026-11-28');
  });
});
