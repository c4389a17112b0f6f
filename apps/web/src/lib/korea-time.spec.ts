import { describe, expect, it } from 'vitest';
import { formatDay } from '../features/program/format';
import { formatKoreaDate, formatKoreaDateTime } from './korea-time';

describe('Korea-time formatting', () => {
  // 2026-12-07 23:30 UTC is already 8 December, 08:30, in Seoul.
  const late = '2026-12-07T23:30:00.000Z';

  it('shows the Korean day and time, whatever the machine’s time zone', () => {
    expect(formatKoreaDate(late, 'ko')).toBe('2026. 12. 8.');
    expect(formatKoreaDateTime(late, 'ko')).toBe('2026. 12. 8. 08:30');
    expect(formatKoreaDateTime(late, 'en')).toBe('Dec 8, 2026, 08:30');
    expect(formatKoreaDateTime(late, 'zh')).toBe('2026年12月8日 08:30');
  });

  it('writes a day in the same style as a calendar day', () => {
    expect(formatKoreaDate('2026-01-15T03:00:00.000Z', 'ko')).toBe(formatDay('2026-01-15', 'ko'));
    expect(formatKoreaDate('2026-01-15T03:00:00.000Z', 'en')).toBe(formatDay('2026-01-15', 'en'));
  });
});
