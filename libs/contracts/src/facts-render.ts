import type { Locale } from './constants.js';
import type { Fact, FactReviewItem, FactValue } from './facts.js';

/**
 * Showing a dated fact (pure functions, no zod: the API, the web app and the curriculum check use them).
 * Dates are Korea's (Asia/Seoul, UTC+9 all year: Korea keeps no summer time): a value that starts on
 * 2027-01-01 holds from 2026-12-31T15:00Z.
 */

/** `{{fact:KEY}}` as lessons, quiz texts and glossary entries write it. */
export const FACT_REFERENCE = /\{\{\s*fact:([^{}\s]+)\s*\}\}/g;

/** The fact keys a text refers to, without repeats, in order of appearance. */
export function factKeysIn(text: string | null | undefined): string[] {
  if (!text || !text.includes('{{')) return [];
  return [...new Set([...text.matchAll(FACT_REFERENCE)].map((m) => m[1]))];
}

const KOREA_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The calendar day in Korea (YYYY-MM-DD) at a moment; an ISO date string is taken as that day. */
export function koreaDate(at: Date | string = new Date()): string {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const time = typeof at === 'string' ? Date.parse(at) : at.getTime();
  // Not a moment at all: a day before every value, so a fact shows as a marker instead of failing.
  if (!Number.isFinite(time)) return '0000-00-00';
  return new Date(time + KOREA_OFFSET_MS).toISOString().slice(0, 10);
}

export type FactLookup =
  /** The value holds on the day; `year` is the day's year. */
  | { status: 'current'; value: FactValue; year: number }
  /** Every known period has ended: the last value, with the year it was for. Never a guess at the next. */
  | { status: 'expired'; value: FactValue; year: number }
  /** The day is before the first known period. */
  | { status: 'before'; value: null; year: null };

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

/** Which value of a fact holds on a day (a Korean calendar day, or a moment). */
export function factValueOn(fact: Pick<Fact, 'values'>, on: Date | string = new Date()): FactLookup {
  const day = koreaDate(on);
  const values = fact.values;
  for (const v of values)
    if (v.from <= day && (v.to === null || day <= v.to)) return { status: 'current', value: v, year: yearOf(day) };
  const last = values.at(-1);
  if (last && last.to !== null && day > last.to) return { status: 'expired', value: last, year: yearOf(last.to) };
  // Between two periods (a gap in the data) counts as past the earlier one.
  const earlier = [...values].reverse().find((v) => v.to !== null && v.to < day);
  if (earlier?.to) return { status: 'expired', value: earlier, year: yearOf(earlier.to) };
  return { status: 'before', value: null, year: null };
}

const groupDigits = (n: number) => {
  const [whole, fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
};

/** A value alone, in a language: "10,320원", "KRW 10,320", "10,320韩元"; "만 18세", "18", "18周岁". */
export function formatFactValue(kind: Fact['kind'], value: FactValue['value'], locale: Locale): string {
  if (typeof value === 'object') return value[locale] || value.ko;
  if (kind === 'text') return '';
  const n = groupDigits(value);
  const plural = value === 1 ? '' : 's';
  switch (kind) {
    case 'money':
      return locale === 'ko' ? `${n}원` : locale === 'en' ? `KRW ${n}` : `${n}韩元`;
    case 'age':
      return locale === 'ko' ? `만 ${n}세` : locale === 'en' ? n : `${n}周岁`;
    case 'days':
      return locale === 'ko' ? `${n}일` : locale === 'en' ? `${n} day${plural}` : `${n}天`;
    case 'months':
      return locale === 'ko' ? `${n}개월` : locale === 'en' ? `${n} month${plural}` : `${n}个月`;
    case 'years':
      return locale === 'ko' ? `${n}년` : locale === 'en' ? `${n} year${plural}` : `${n}年`;
    case 'percent':
      return `${n}%`;
    case 'number':
      return n;
  }
}

/**
 * "(2026년 기준)", " (as of 2026)", "（2026年标准）"; with `check` (past the last period) the note on where
 * to check goes inside the brackets, so that the author's sentence goes on after them:
 * "10,320원(2026년 기준 — 최신 금액은 …에서 확인하세요)이에요".
 */
export function formatFactYear(year: number, locale: Locale, check = ''): string {
  return locale === 'ko'
    ? `(${year}년 기준${check})`
    : locale === 'en'
      ? ` (as of ${year}${check})`
      : `（${year}年标准${check}）`;
}

/** " — 최신 금액은 …에서 확인하세요": where to check, for a value whose period has ended. */
export function formatCheckAt(fact: Pick<Fact, 'kind' | 'checkAt'>, locale: Locale): string {
  const where = fact.checkAt[locale] || fact.checkAt.ko;
  const money = fact.kind === 'money';
  if (locale === 'ko') return ` — 최신 ${money ? '금액' : '내용'}은 ${where}에서 확인하세요`;
  if (locale === 'en') return ` — check the current ${money ? 'amount' : 'figure'} with ${where}`;
  return `——最新${money ? '金额' : '信息'}请通过${where}查询`;
}

/** The marker for a reference that cannot be shown (an unknown key, or a day before the first value). */
export function factMarker(key: string): string {
  return `[${key}]`;
}

/**
 * A fact as a learner reads it on a day: the value that holds with its year ("10,320원(2026년 기준)");
 * past the last known period the last value with its year and where to check the current one
 * ("10,320원(2026년 기준 — 최신 금액은 …에서 확인하세요)"); before
 * the first period or for an unknown fact a plain marker. Never throws.
 */
export function renderFact(
  fact: Fact | undefined,
  locale: Locale,
  on: Date | string = new Date(),
  key = fact?.key ?? '?',
): string {
  if (!fact) return factMarker(key);
  const found = factValueOn(fact, on);
  if (found.status === 'before')
    return `${factMarker(fact.label[locale] || fact.label.ko)}${locale === 'zh' ? '' : ' '}${formatCheckAt(fact, locale).trim()}`;
  return `${formatFactValue(fact.kind, found.value.value, locale)}${formatFactYear(found.year, locale, found.status === 'current' ? '' : formatCheckAt(fact, locale))}`;
}

/** Replaces every `{{fact:KEY}}` in a text with the fact as shown on that day. */
export function renderFactsIn(
  text: string,
  facts: readonly Fact[] | ReadonlyMap<string, Fact> | null | undefined,
  locale: Locale,
  on: Date | string = new Date(),
): string {
  if (!text || !text.includes('{{')) return text;
  const byKey: ReadonlyMap<string, Fact> =
    facts instanceof Map
      ? facts
      : new Map(((facts as readonly Fact[] | null | undefined) ?? []).map((f): [string, Fact] => [f.key, f]));
  return text.replace(FACT_REFERENCE, (_, key: string) => renderFact(byKey.get(key), locale, on, key));
}

/** The facts someone must look at again on a day: reviewBy reached, or the last known period over. */
export function factsToReview(facts: readonly Fact[], on: Date | string = new Date()): FactReviewItem[] {
  const day = koreaDate(on);
  const out: FactReviewItem[] = [];
  for (const fact of facts) {
    const last = fact.values[fact.values.length - 1];
    const reviewDue = fact.reviewBy !== null && fact.reviewBy <= day;
    const expired = last.to !== null && last.to < day;
    if (!reviewDue && !expired) continue;
    out.push({
      key: fact.key,
      label: fact.label,
      kind: fact.kind,
      lastValue: last.value,
      lastYear: yearOf(last.to ?? last.from),
      lastTo: last.to,
      source: last.source,
      reviewBy: fact.reviewBy,
      checkAt: fact.checkAt,
      reviewDue,
      expired,
    });
  }
  return out.sort((a, b) => (a.reviewBy ?? '9999').localeCompare(b.reviewBy ?? '9999') || a.key.localeCompare(b.key));
}
