import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossaryFileSchema } from '@dari/contracts';
import { COURSES_DIR, GLOSSARY_FILE, starterCourseDirs } from './index.js';

// The shipped glossary: at least 200 accurate terms, covering every [[term]] the starter courses use.
describe('starter glossary', () => {
  const raw = readFileSync(GLOSSARY_FILE, 'utf8');
  const terms = glossaryFileSchema.parse(JSON.parse(raw));
  const byTerm = new Map(terms.map((t) => [t.term, t]));

  it('has at least 200 terms, unique, sorted, written as the bundle JSON style', () => {
    expect(terms.length).toBeGreaterThanOrEqual(200);
    expect(byTerm.size).toBe(terms.length);
    expect(terms.map((t) => t.term)).toEqual([...terms.map((t) => t.term)].sort((a, b) => a.localeCompare(b, 'ko')));
    expect(raw).toBe(`${JSON.stringify(terms, null, 2)}\n`);
  });

  it('has at least 228 terms, each linked from a starter lesson (any language) or tagged as a reference term', () => {
    expect(terms.length).toBeGreaterThanOrEqual(228);
    const linked = new Set<string>();
    for (const dir of starterCourseDirs()) {
      for (const f of readdirSync(path.join(dir, 'lessons')).filter((f) => f.endsWith('.md'))) {
        for (const m of readFileSync(path.join(dir, 'lessons', f), 'utf8').matchAll(
          /\[\[([^\]|\\]+)(?:\\?\|[^\]]+)?\]\]/g,
        ))
          linked.add(m[1].trim());
      }
    }
    const orphans = terms.filter((t) => !linked.has(t.term) && !t.tags.includes('reference')).map((t) => t.term);
    expect(orphans, 'link these from a lesson or tag them "reference"').toEqual([]);
  });

  it('related terms exist, and no term relates to itself', () => {
    for (const t of terms)
      for (const r of t.related) {
        expect(byTerm.has(r), `${t.term} → ${r}`).toBe(true);
        expect(r).not.toBe(t.term);
      }
  });

  it('covers every term the starter courses link', () => {
    const missing = new Set<string>();
    for (const dir of starterCourseDirs()) {
      for (const f of readdirSync(path.join(dir, 'lessons')).filter((f) => f.endsWith('.ko.md'))) {
        for (const m of readFileSync(path.join(dir, 'lessons', f), 'utf8').matchAll(
          /\[\[([^\]|]+)(?:\|[^\]]+)?\]\]/g,
        )) {
          if (!byTerm.has(m[1].trim())) missing.add(m[1].trim());
        }
      }
    }
    expect([...missing].sort()).toEqual([]);
    expect(existsSync(COURSES_DIR)).toBe(true);
  });
});
