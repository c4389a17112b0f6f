import { merge, type Lng, type Tree } from './index';

/** For tests only (it bundles every catalogue): each language's merged tree with every area. */
export const allCatalogues = (): Record<Lng, Tree> => ({
  ko: merge(import.meta.glob<Tree>('./ko/*.json', { eager: true, import: 'default' })),
  en: merge(import.meta.glob<Tree>('./en/*.json', { eager: true, import: 'default' })),
  zh: merge(import.meta.glob<Tree>('./zh/*.json', { eager: true, import: 'default' })),
});
