/**
 * `react-i18next` as Dari uses it, over ./engine.ts (vite.config.ts points the bare import here; see
 * engine.ts for why). `useTranslation()` re-renders its component when the language changes and hands
 * out a `t` bound to that language, a new function then (so `t` in a dependency list behaves as with
 * react-i18next); adding words to a language does not re-render, as with react-i18next's defaults.
 */
import { useMemo, useSyncExternalStore } from 'react';
import i18n, { type I18n } from './engine';

/** Kept for `i18n.use(initReactI18next)`: the hook reads the one instance directly. */
export const initReactI18next = { type: '3rdParty' as const, init: (_instance: I18n) => undefined };

function subscribe(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}

const language = () => i18n.language;

export function useTranslation() {
  const lng = useSyncExternalStore(subscribe, language, language);
  const t = useMemo(() => i18n.getFixedT(lng), [lng]);
  return { t, i18n, ready: true as const };
}
