import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Text a person reads must go through t(). Allowed as is: the brand and the language names,
// which are the same in every language on purpose.
const ALLOWED = new Set(['Dari 다리', '한국어', 'English', '中文']);
const LETTERS = /[\p{L}]/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return name.endsWith('.tsx') && !name.endsWith('.spec.tsx') ? [path] : [];
  });
}

/** Text between a tag's `>` and the next `<` or `{`, ignoring code inside braces (a simple heuristic). */
function jsxTextLiterals(source: string): string[] {
  const found: string[] = [];
  // Strip comments so commented-out markup does not count.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(/>([^<>{}]+)</g)) {
    const text = m[1].trim();
    // `=>` and comparisons also contain '>'; real JSX text has no code punctuation like ; or =.
    if (!text || !LETTERS.test(text) || /[;=(){}]|&&|\|\|/.test(text)) continue;
    if (!ALLOWED.has(text)) found.push(text);
  }
  return found;
}

describe('no untranslated text in JSX', () => {
  const root = join(__dirname, '..');

  it('finds text nodes (the check itself works)', () => {
    expect(jsxTextLiterals('const a = <p>Hello there</p>;')).toEqual(['Hello there']);
    expect(jsxTextLiterals('<h1>{t("x")}</h1>')).toEqual([]);
    expect(jsxTextLiterals('<p>안녕하세요</p><span>你好</span>')).toEqual(['안녕하세요', '你好']);
    expect(jsxTextLiterals('<a>Dari 다리</a>')).toEqual([]);
  });

  it.each(tsxFiles(root).map((f) => [relative(root, f), f]))('%s has none', (_name, file) => {
    expect(jsxTextLiterals(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
