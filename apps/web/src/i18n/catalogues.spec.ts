import { ERROR_CODES, LOCALES } from '@dari/contracts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCatalogues } from './locales/all';
import { ko, LAZY_AREAS, loadArea, loadCatalogue, type Tree } from './locales/index';

const catalogues: Record<string, Tree> = allCatalogues();

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// Plural forms differ by language (English has _one/_other, Korean and Chinese one form): compare base keys.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (flat: Map<string, string>) => new Set([...flat.keys()].map((k) => k.replace(PLURAL, '')));
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();

const flat = Object.fromEntries(Object.entries(catalogues).map(([lng, tree]) => [lng, flatten(tree)]));

describe('translation catalogues', () => {
  it('has a catalogue for every interface language of the contracts', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LOCALES].sort());
  });

  it.each(['en', 'zh'])('%s has exactly the keys of Korean (the default)', (lng) => {
    const missing = [...baseKeys(flat.ko)].filter((k) => !baseKeys(flat[lng]).has(k));
    const extra = [...baseKeys(flat[lng])].filter((k) => !baseKeys(flat.ko).has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(['ko', 'en', 'zh'])('%s has no empty values', (lng) => {
    const empty = [...flat[lng]].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('uses the same {{placeholders}} in every language', () => {
    const problems: string[] = [];
    for (const [key, value] of flat.ko) {
      const base = key.replace(PLURAL, '');
      for (const lng of ['en', 'zh']) {
        const other = [...flat[lng]].find(([k]) => k.replace(PLURAL, '') === base)?.[1];
        if (other !== undefined && placeholders(other).join() !== placeholders(value).join())
          problems.push(`${lng}:${key}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a message for every API error code, plus network and unexpected answers', () => {
    for (const lng of ['ko', 'en', 'zh']) {
      const keys = baseKeys(flat[lng]);
      const missing = [...ERROR_CODES, 'network', 'unexpected_response'].filter((c) => !keys.has(`errors.${c}`));
      expect(missing, lng).toEqual([]);
    }
  });

  it('knows every key the code asks for with a literal t("...")', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk(join(__dirname, '..'));
    const known = baseKeys(flat.ko);
    const unknown: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?<![\w.])t\(\s*'([a-zA-Z][\w.]*)'/g)) {
        if (!known.has(m[1])) unknown.push(`${file}: ${m[1]}`);
      }
      // Message keys in objects (`{ key: 'nav.learn' }`) always have a namespace; a bare word is a
      // table column's or list item's own key (`{ key: 'username', header: t('fields.username') }`).
      for (const m of source.matchAll(/key: '([a-zA-Z]\w*\.[\w.]+)'/g)) {
        if (!known.has(m[1])) unknown.push(`${file}: ${m[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  // locales/index.ts lists the areas in literal globs (Vite needs them so): they must follow LAZY_AREAS.
  it('builds in every Korean area but the lazy ones, each of which loads on its own', async () => {
    const areas = readdirSync(join(__dirname, 'locales', 'ko')).map((f) => f.replace(/\.json$/, ''));
    const lazy = areas.filter((a) => (LAZY_AREAS as readonly string[]).includes(a));
    expect(lazy.sort()).toEqual([...LAZY_AREAS].sort());
    for (const area of areas) {
      const tree = JSON.parse(readFileSync(join(__dirname, 'locales', 'ko', `${area}.json`), 'utf8')) as Tree;
      const builtIn = Object.keys(tree).filter((k) => k in ko);
      expect(builtIn, area).toEqual(lazy.includes(area) ? [] : Object.keys(tree));
    }
    for (const lng of ['ko', 'en', 'zh'] as const)
      for (const area of LAZY_AREAS) expect(Object.keys(await loadArea(lng, area)), `${lng}:${area}`).not.toEqual([]);
    // English and Chinese load every built-in area, and no lazy one, when chosen.
    const builtInKeys = Object.keys(ko).sort();
    for (const lng of ['en', 'zh'] as const) expect(Object.keys(await loadCatalogue(lng)).sort()).toEqual(builtInKeys);
  });
});
