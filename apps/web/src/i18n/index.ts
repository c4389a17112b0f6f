import { DEFAULT_LOCALE, type Locale } from '@dari/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { HTML_LANG } from '../lib/format';
import { isLocale, toLocale } from '../lib/locale';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { ko, loadArea, loadCatalogue, type LazyArea } from './locales/index';

/** Language names written in the language itself (not translated on purpose). */
export const LANGUAGE_NAMES: Record<Locale, string> = { ko: '한국어', en: 'English', zh: '中文' };

const STORAGE_KEY = 'dari.locale';

export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage can be blocked (private mode)
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // nothing to do: the choice still applies to this visit
  }
}

function syncHtmlLang(lng: string): void {
  document.documentElement.lang = HTML_LANG[toLocale(lng)];
}

// Korean is built in; the other languages load when chosen (a few KiB each), keeping the first page small.

async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'ko' || i18n.hasResourceBundle(locale, 'translation')) return;
  i18n.addResourceBundle(locale, 'translation', await loadCatalogue(locale), true, true);
}

const loadedAreas = new Set<LazyArea>();
const loadedKeys = new Set<string>();

async function addArea(locale: Locale, area: LazyArea): Promise<void> {
  const key = `${locale}:${area}`;
  if (loadedKeys.has(key)) return;
  i18n.addResourceBundle(locale, 'translation', await loadArea(locale, area), true, true);
  loadedKeys.add(key);
}

/** The language being switched to (the remembered one at start), settled when its words are in. */
let switching: Promise<void> = Promise.resolve();

/**
 * Loads lazy areas for the current language (and Korean, the fallback). A page's chunk can ask before
 * the remembered language is in (app/preload-route.ts starts the lesson's chunks before the first
 * render), or while another language is being chosen: it then waits for that language and loads the
 * areas in it, so the page never shows in Korean what it should show in Chinese.
 */
export async function ensureAreas(areas: readonly LazyArea[]): Promise<void> {
  for (;;) {
    const pending = switching;
    await pending;
    const locale = toLocale(i18n.language);
    await Promise.all(areas.flatMap((a) => [addArea('ko', a), ...(locale === 'ko' ? [] : [addArea(locale, a)])]));
    if (pending === switching) break; // no other language chosen meanwhile
  }
  areas.forEach((a) => loadedAreas.add(a));
}

/** A chunk's loader that also loads the lazy areas its words are in: the code and the words arrive together. */
export function withAreas<M>(areas: readonly LazyArea[], load: () => Promise<M>): () => Promise<M> {
  return async () => (await Promise.all([load(), ensureAreas(areas)]))[0];
}

/** React.lazy for a page whose words are in a lazy area. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint
export function lazyWithAreas<T extends ComponentType<any>>(
  areas: readonly LazyArea[],
  load: () => Promise<{ default: T }>,
): LazyExoticComponent<T> {
  return lazy(withAreas(areas, load));
}

/** Switch the interface language, loading its words first. Stays on the current one if they can't load. */
export function setLanguage(locale: Locale): Promise<void> {
  const done = (async () => {
    try {
      await loadLocale(locale);
      await Promise.all([...loadedAreas].map((a) => addArea(locale, a)));
    } catch {
      return;
    }
    await i18n.changeLanguage(locale);
  })();
  switching = done;
  return done;
}

void i18n.use(initReactI18next).init({
  resources: { ko: { translation: ko } },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: ['ko', 'en', 'zh'],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});

i18n.on('languageChanged', syncHtmlLang);
syncHtmlLang(i18n.language);

/** Resolves once the remembered language (if any) is ready to show. */
export const ready: Promise<void> = setLanguage(storedLocale() ?? DEFAULT_LOCALE);

export { i18n };
