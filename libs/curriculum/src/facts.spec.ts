import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factSchema, type Fact } from '@dari/contracts';
import { curriculumTextFiles, factReferences, FactsError, loadFacts } from './facts.js';

// The dated facts (facts/README.md) must be valid, and every {{fact:KEY}} in the starter courses and
// the glossary must name one of them.
const facts = loadFacts();

const valid: Fact = {
  key: 'some-fact',
  kind: 'money',
  label: { ko: '어떤 금액', en: 'an amount', zh: '金额' },
  values: [
    { from: '2025-01-01', to: '2025-12-31', value: 1, source: 'a notice' },
    { from: '2026-01-01', to: '2026-12-31', value: 2, source: 'another notice' },
  ],
  reviewBy: '2026-08-05',
  checkAt: { ko: '어디', en: 'somewhere', zh: '某处' },
};

function folderWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dari-facts-'));
  for (const [name, body] of Object.entries(files))
    writeFileSync(path.join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

describe('dated facts', () => {
  it('loads every facts file, with the 2026 minimum wage and no value past 2026', () => {
    const byKey = new Map(facts.map((f) => [f.key, f]));
    const hourly = byKey.get('minimum-wage-hourly')!;
    const monthly = byKey.get('minimum-wage-monthly')!;
    expect(hourly.values.find((v) => v.from === '2026-01-01')).toMatchObject({ to: '2026-12-31', value: 10320 });
    expect(monthly.values.find((v) => v.from === '2026-01-01')).toMatchObject({ to: '2026-12-31', value: 2156880 });
    expect(2156880).toBe(10320 * 209);
    // A 2027 value is entered only with the notice that sets it.
    for (const f of [hourly, monthly]) expect(f.values.every((v) => v.from < '2027-01-01')).toBe(true);
    expect(hourly.reviewBy).toBe('2026-08-05');
  });

  it('every value names its primary source; keys are unique', () => {
    for (const f of facts) for (const v of f.values) expect(v.source.trim().length, f.key).toBeGreaterThan(10);
    expect(new Set(facts.map((f) => f.key)).size).toBe(facts.length);
  });

  it('accepts a valid fact and refuses overlapping, unordered, unsourced, badly dated or mistyped values', () => {
    expect(factSchema.safeParse(valid).success).toBe(true);
    const bad = (values: unknown[], extra: Partial<Record<keyof Fact, unknown>> = {}) =>
      factSchema.safeParse({ ...valid, values, ...extra }).success;
    const v = (from: string, to: string | null, value: unknown = 1, source = 'a notice') => ({
      from,
      to,
      value,
      source,
    });
    expect(bad([v('2025-01-01', '2025-12-31'), v('2025-12-31', '2026-12-31')]), 'overlap by a day').toBe(false);
    expect(bad([v('2026-01-01', '2026-12-31'), v('2025-01-01', '2025-12-31')]), 'out of order').toBe(false);
    expect(bad([v('2025-01-01', null), v('2026-01-01', '2026-12-31')]), 'open-ended before another').toBe(false);
    expect(bad([v('2026-12-31', '2026-01-01')]), 'ends before it starts').toBe(false);
    expect(bad([v('2026-01-01', '2026-12-31', 1, '  ')]), 'no source').toBe(false);
    expect(bad([v('2026-1-1', '2026-12-31')]), 'not an ISO date').toBe(false);
    expect(bad([v('2026-02-30', '2026-12-31')]), 'no such day').toBe(false);
    expect(bad([v('2026-01-01', '2026-12-31', { ko: '가', en: 'a', zh: '甲' })]), 'text value on a money fact').toBe(
      false,
    );
    expect(bad([v('2026-01-01', '2026-12-31', 5)], { kind: 'text' }), 'number on a text fact').toBe(false);
    expect(bad([]), 'no values').toBe(false);
    expect(bad([v('2025-01-01', '2025-12-31'), v('2026-01-01', null)]), 'open-ended last').toBe(true);
  });

  it('refuses a folder with a duplicate key or an invalid file, naming the file', () => {
    const dup = folderWith({ 'a.json': [valid], 'b.json': [valid] });
    expect(() => loadFacts(dup)).toThrow(/b\.json: key "some-fact" is already defined in a\.json/);
    const broken = folderWith({
      'a.json': [{ ...valid, values: [{ ...valid.values[0], source: '' }] }],
      'c.json': '[{',
    });
    try {
      loadFacts(broken);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FactsError);
      expect((e as FactsError).problems.join('\n')).toMatch(/a\.json: 0\.values\.0\.source/);
      expect((e as FactsError).problems.join('\n')).toMatch(/c\.json: not valid JSON/);
    }
    expect(loadFacts(folderWith({ 'a.json': [valid], 'README.md': '# not a facts file' })).map((f) => f.key)).toEqual([
      'some-fact',
    ]);
  });

  it('every {{fact:KEY}} in the starter courses (lessons in every language, quizzes, course.json) and the glossary names an existing fact', () => {
    const files = curriculumTextFiles();
    expect(files.some((f) => f.endsWith('course.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('.quiz.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('.zh.md') || f.endsWith('.en.md'))).toBe(true);
    expect(files.some((f) => f.endsWith(path.join('glossary', 'terms.json')))).toBe(true);
    const known = new Set(facts.map((f) => f.key));
    const unknown = [...factReferences(files)]
      .filter(([key]) => !known.has(key))
      .map(([key, where]) => `${key} in ${where.join(', ')}`);
    expect(unknown).toEqual([]);
  });

  it('finds the references and their files (and flags a made-up key)', () => {
    const dir = folderWith({
      'x.ko.md': '시급은 {{fact:minimum-wage-hourly}}이에요. {{fact:no-such-fact}}',
      'terms.json': '[{"plain":"{{fact:minimum-wage-hourly}}"}]',
    });
    const refs = factReferences([path.join(dir, 'x.ko.md'), path.join(dir, 'terms.json')], dir);
    expect(Object.fromEntries(refs)).toEqual({
      'minimum-wage-hourly': ['x.ko.md', 'terms.json'],
      'no-such-fact': ['x.ko.md'],
    });
  });
});
