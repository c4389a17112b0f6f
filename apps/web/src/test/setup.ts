import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from '../i18n';
import { allCatalogues } from '../i18n/locales/all';

// Staff areas load with their pages in the app; component tests render pages directly, so every
// area is there from the start.
i18n.addResourceBundle('ko', 'translation', allCatalogues().ko, true, true);

// The whole suite runs in parallel on a 2-core machine: give findBy*/waitFor room before failing.
configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
});
