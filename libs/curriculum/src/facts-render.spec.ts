import { describe, expect, it } from 'vitest';
import {
  factsToReview,
  factValueOn,
  formatFactValue,
  koreaDate,
  renderFact,
  renderFactsIn,
  type Fact,
  type FactKind,
} from '@dari/contracts';
import { loadFacts } from './facts.js';

// How a learner reads a dated fact, on a day in Korea, in each language (pure functions of
// libs/contracts, shared by the API and the web app).
const facts = loadFacts();
const hourly = facts.find((f) => f.key === 'minimum-wage-hourly')!;
const monthly = facts.find((f) => f.key === 'minimum-wage-monthly')!;

const fact = (kind: FactKind, value: Fact['values'][number]['value'], to: string | null = '2026-12-31'): Fact => ({
  key: `test-${kind}`,
  kind,
  label: { ko: '시험', en: 'test', zh: '测试' },
  values: [{ from: '2026-01-01', to, value, source: 'a notice' }],
  reviewBy: null,
  checkAt: { ko: '어디', en: 'somewhere', zh: '某处' },
});

describe('rendering a dated fact', () => {
  it('inside a range: the value that holds with its year, in ko, en and zh', () => {
    expect(renderFact(hourly, 'ko', '2026-05-01')).toBe('10,320원(2026년 기준)');
    expect(renderFact(hourly, 'en', '2026-05-01')).toBe('KRW 10,320 (as of 2026)');
    expect(renderFact(hourly, 'zh', '2026-05-01')).toBe('10,320韩元（2026年标准）');
    expect(renderFact(monthly, 'ko', '2026-12-31')).toBe('2,156,880원(2026년 기준)');
    expect(renderFact(hourly, 'ko', '2025-06-01')).toBe('10,030원(2025년 기준)');
  });

  it('on a range boundary, Korea midnight decides, not UTC', () => {
    // 2025-12-31T15:00Z is 2026-01-01 00:00 in Seoul: the 2026 value already holds.
    expect(koreaDate(new Date('2025-12-31T14:59:59Z'))).toBe('2025-12-31');
    expect(koreaDate(new Date('2025-12-31T15:00:00Z'))).toBe('2026-01-01');
    expect(renderFact(hourly, 'ko', new Date('2025-12-31T14:59:59Z'))).toBe('10,030원(2025년 기준)');
    expect(renderFact(hourly, 'ko', new Date('2025-12-31T15:00:00Z'))).toBe('10,320원(2026년 기준)');
    // 2026-12-31T15:00Z is 2027-01-01 in Seoul: past the last known range.
    expect(renderFact(hourly, 'en', new Date('2026-12-31T14:59:59Z'))).toBe('KRW 10,320 (as of 2026)');
    expect(renderFact(hourly, 'en', new Date('2026-12-31T15:00:00Z'))).toMatch(
      /^KRW 10,320 \(as of 2026 — check the current amount with .*\)$/,
    );
    expect(factValueOn(hourly, '2026-12-31').status).toBe('current');
    expect(factValueOn(hourly, '2027-01-01').status).toBe('expired');
  });

  it('after the last range: the last value with its year and where to check, never a guess', () => {
    const on = new Date('2027-03-01T03:00:00Z');
    expect(renderFact(hourly, 'ko', on)).toBe(
      `10,320원(2026년 기준 — 최신 금액은 ${hourly.checkAt.ko}에서 확인하세요)`,
    );
    expect(renderFact(hourly, 'en', on)).toBe(
      `KRW 10,320 (as of 2026 — check the current amount with ${hourly.checkAt.en})`,
    );
    expect(renderFact(hourly, 'zh', on)).toBe(`10,320韩元（2026年标准——最新金额请通过${hourly.checkAt.zh}查询）`);
    expect(renderFact(hourly, 'ko', on)).toContain('1350');
    // The author's sentence goes on after the brackets: "…이에요" still follows the amount.
    expect(renderFactsIn('시급은 {{fact:minimum-wage-hourly}}이에요.', facts, 'ko', on)).toMatch(
      /^시급은 10,320원\(2026년 기준 — .*1350\)에서 확인하세요\)이에요\.$/,
    );
    expect(renderFact(fact('age', 18), 'ko', on)).toBe('만 18세(2026년 기준 — 최신 내용은 어디에서 확인하세요)');
  });

  it('before the first range, or for an unknown key: a plain marker, never a crash', () => {
    expect(renderFact(hourly, 'ko', '2020-01-01')).toBe(
      `[최저임금(시급)] — 최신 금액은 ${hourly.checkAt.ko}에서 확인하세요`,
    );
    expect(renderFact(undefined, 'en', '2026-05-01', 'no-such-fact')).toBe('[no-such-fact]');
    expect(renderFactsIn('a {{fact:no-such-fact}} b', facts, 'zh', '2026-05-01')).toBe('a [no-such-fact] b');
    expect(renderFactsIn('a {{fact:minimum-wage-hourly}} b', null, 'ko', '2026-05-01')).toBe(
      'a [minimum-wage-hourly] b',
    );
    expect(renderFact(hourly, 'ko', 'not a date')).toMatch(/^\[/);
  });

  it('each kind, in each language', () => {
    const cases: [FactKind, Fact['values'][number]['value'], string, string, string][] = [
      ['money', 1234567, '1,234,567원', 'KRW 1,234,567', '1,234,567韩元'],
      ['age', 18, '만 18세', '18', '18周岁'],
      ['number', 300, '300', '300', '300'],
      ['days', 14, '14일', '14 days', '14天'],
      ['days', 1, '1일', '1 day', '1天'],
      ['months', 3, '3개월', '3 months', '3个月'],
      ['years', 4, '4년', '4 years', '4年'],
      ['percent', 2.9, '2.9%', '2.9%', '2.9%'],
      ['text', { ko: '가나', en: 'ab', zh: '甲乙' }, '가나', 'ab', '甲乙'],
    ];
    for (const [kind, value, ko, en, zh] of cases) {
      expect(
        [formatFactValue(kind, value, 'ko'), formatFactValue(kind, value, 'en'), formatFactValue(kind, value, 'zh')],
        kind,
      ).toEqual([ko, en, zh]);
      expect(renderFact(fact(kind, value), 'ko', '2026-06-01')).toBe(`${ko}(2026년 기준)`);
      expect(renderFact(fact(kind, value), 'en', '2026-06-01')).toBe(`${en} (as of 2026)`);
      expect(renderFact(fact(kind, value), 'zh', '2026-06-01')).toBe(`${zh}（2026年标准）`);
    }
  });

  it('an open-ended value holds until changed, with the year of the day', () => {
    const age = fact('age', 18, null);
    expect(renderFact(age, 'ko', '2031-02-03')).toBe('만 18세(2031년 기준)');
  });

  it('replaces every reference in a text', () => {
    const text =
      '시급은 {{fact:minimum-wage-hourly}}, 한 달은 {{fact:minimum-wage-monthly}}예요. {{ fact:minimum-wage-hourly }}';
    expect(renderFactsIn(text, facts, 'ko', '2026-07-01')).toBe(
      '시급은 10,320원(2026년 기준), 한 달은 2,156,880원(2026년 기준)예요. 10,320원(2026년 기준)',
    );
    expect(renderFactsIn('no facts here', facts, 'ko')).toBe('no facts here');
  });

  it('lists the facts to review: reviewBy reached or the last range over', () => {
    expect(factsToReview([hourly, monthly], '2026-08-04')).toEqual([]);
    const due = factsToReview([hourly, monthly], '2026-08-05');
    expect(due.map((d) => [d.key, d.lastValue, d.lastYear, d.reviewDue, d.expired])).toEqual([
      ['minimum-wage-hourly', 10320, 2026, true, false],
      ['minimum-wage-monthly', 2156880, 2026, true, false],
    ]);
    const expiredOnly = { ...fact('money', 5), reviewBy: null };
    expect(factsToReview([expiredOnly], '2027-01-01')[0]).toMatchObject({
      key: 'test-money',
      expired: true,
      reviewDue: false,
      lastYear: 2026,
      source: 'a notice',
    });
  });
});
