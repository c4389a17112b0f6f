import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from '../i18n';
import { allCatalogues } from '../i18n/locales/all';

// Staff areas load with their pages in the app; component tests render pages directly, so every
// area is there from the start.
i18n.addResourceBundle('ko', 'translation', allCatalogues().ko, true, true);

// The whole suite runs in parallel on a 2-core machine, beside the lint and the API suite: a page's
// lazy chunk can take seconds to import there (two tests failed at 4-5 s in a run at load 17-21).
// findBy*/waitFor return as soon as they match, so a long limit costs a passing test nothing. One
// limit for every test; a test sets its own only to wait longer, never shorter.
configure({ asyncUtilTimeout: 15_000 });

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
});
