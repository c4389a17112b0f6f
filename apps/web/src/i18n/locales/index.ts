/**
 * The catalogues are split by area (locales/<lng>/<area>.json), so that features can be worked on
 * side by side and words for pages off the first screen never weigh on a learner's phone. The areas
 * a learner needs from the first screen are built in for Korean; LAZY_AREAS load with their pages
 * (see `lazyWithAreas` in ../index.ts); English and Chinese load when chosen. An area's top-level
 * keys must not repeat another's.
 */
export type Tree = { [key: string]: string | Tree };
export type Lng = 'ko' | 'en' | 'zh';

/**
 * Areas that load with their (lazy) pages: staff pages, and learner pages off the first screen
 * (glossary, questions and results, inbox, account, sign-in). What the header and My learning show on
 * every page (the navigation, the reading menu, the to-do list) is in the built-in areas: core, learning,
 * courses, due. A page whose words are in a lazy area names it (`lazyWithAreas`, or `ensureAreas` in a
 * `lazyPreload`), so the page's code and its words arrive together and no key ever shows.
 */
export const LAZY_AREAS = [
  'admin',
  'authoring',
  'program',
  'privacy',
  'flashcards',
  'credentials',
  'glossary',
  'questions',
  'inbox',
  'account',
  'auth',
] as const;
export type LazyArea = (typeof LAZY_AREAS)[number];

export function merge(parts: Record<string, Tree>): Tree {
  const out: Tree = {};
  for (const [file, part] of Object.entries(parts)) {
    for (const [key, value] of Object.entries(part)) {
      if (key in out) throw new Error(`i18n: the key "${key}" of ${file} is already defined by another file`);
      out[key] = value;
    }
  }
  return out;
}

const areaOf = (file: string) => file.slice(file.lastIndexOf('/') + 1).replace(/\.json$/, '');
const isLazy = (file: string) => (LAZY_AREAS as readonly string[]).includes(areaOf(file));

// The globs below must be literal: keep their lists in step with LAZY_AREAS (locales.spec.ts checks).

/** Korean, built in: every area but the lazy ones. */
export const ko: Tree = merge(
  import.meta.glob<Tree>(['./ko/core.json', './ko/courses.json', './ko/due.json', './ko/learning.json'], {
    eager: true,
    import: 'default',
  }),
);

// Korean's lazy areas only: a built-in area also listed here would become a chunk of its own beside the
// entry script (the entry is smaller and compresses better with the words inside it).
const lazy: Record<Lng, Record<string, () => Promise<Tree>>> = {
  ko: import.meta.glob<Tree>(
    [
      './ko/admin.json',
      './ko/authoring.json',
      './ko/program.json',
      './ko/privacy.json',
      './ko/flashcards.json',
      './ko/credentials.json',
      './ko/glossary.json',
      './ko/questions.json',
      './ko/inbox.json',
      './ko/account.json',
      './ko/auth.json',
    ],
    { import: 'default' },
  ),
  en: import.meta.glob<Tree>('./en/*.json', { import: 'default' }),
  zh: import.meta.glob<Tree>('./zh/*.json', { import: 'default' }),
};

/** The learner areas of a language (Korean's are built in). */
export async function loadCatalogue(lng: 'en' | 'zh'): Promise<Tree> {
  const entries = await Promise.all(
    Object.entries(lazy[lng])
      .filter(([f]) => !isLazy(f))
      .map(async ([file, load]) => [file, await load()] as const),
  );
  return merge(Object.fromEntries(entries));
}

/** One lazy area in one language. */
export async function loadArea(lng: Lng, area: LazyArea): Promise<Tree> {
  const areas: Partial<Record<string, () => Promise<Tree>>> = lazy[lng];
  const load = areas[`./${lng}/${area}.json`];
  if (!load) throw new Error(`i18n: no area "${area}" for ${lng}`);
  return load();
}
