/**
 * The catalogues are split by area (locales/<lng>/<area>.json), so that features can be worked on
 * side by side; here they are merged into one tree per language. Korean is built in; English and
 * Chinese load when chosen. An area's top-level keys must not repeat another's.
 */
export type Tree = { [key: string]: string | Tree };

function merge(parts: Record<string, Tree>): Tree {
  const out: Tree = {};
  for (const [file, part] of Object.entries(parts)) {
    for (const [key, value] of Object.entries(part)) {
      if (key in out) throw new Error(`i18n: the key "${key}" of ${file} is already defined by another file`);
      out[key] = value;
    }
  }
  return out;
}

export const ko: Tree = merge(import.meta.glob<Tree>('./ko/*.json', { eager: true, import: 'default' }));

const lazy = {
  en: import.meta.glob<Tree>('./en/*.json', { import: 'default' }),
  zh: import.meta.glob<Tree>('./zh/*.json', { import: 'default' }),
};

export async function loadCatalogue(lng: 'en' | 'zh'): Promise<Tree> {
  const entries = await Promise.all(Object.entries(lazy[lng]).map(async ([file, load]) => [file, await load()] as const));
  return merge(Object.fromEntries(entries));
}

/** For tests: every language's merged tree, read eagerly. */
export const allCatalogues = (): Record<'ko' | 'en' | 'zh', Tree> => ({
  ko,
  en: merge(import.meta.glob<Tree>('./en/*.json', { eager: true, import: 'default' })),
  zh: merge(import.meta.glob<Tree>('./zh/*.json', { eager: true, import: 'default' })),
});
