import { koreaDate, renderFactsIn, type Fact, type Locale } from '@dari/contracts';
import { createContext, useCallback, useContext, useMemo } from 'react';

/**
 * The dated facts a lesson's texts may refer to (`{{fact:KEY}}`), as its published course carries them.
 *
 * - Inside a provider (the lesson player, a course preview: `LessonView` provides its `facts`), each
 *   reference shows the value that holds on the phone's date in Korea, with its year; past the last
 *   known period the last value with its year and where to check; an unknown key a plain marker.
 * - Without a provider (the editor's live preview), references stay as the author wrote them.
 */
export const FactsContext = createContext<readonly Fact[] | null>(null);

/** The facts in reach, by key (null without a provider). */
export function useFactsByKey(): ReadonlyMap<string, Fact> | null {
  const facts = useContext(FactsContext);
  return useMemo(() => (facts ? new Map(facts.map((f) => [f.key, f])) : null), [facts]);
}

/** The contract's locale for a text's BCP 47 tag ("zh-Hans" → zh); Korean when unsure. */
export function factLocale(lang: string | undefined, fallback: Locale = 'ko'): Locale {
  if (!lang) return fallback;
  const base = lang.toLowerCase().split('-')[0];
  return base === 'en' || base === 'zh' || base === 'ko' ? base : fallback;
}

/** Today in Korea (changes once a day, so memoised renderings follow the date without re-rendering every time). */
export function useKoreaToday(): string {
  return koreaDate(new Date());
}

/**
 * Replaces the fact references of a plain text (a quiz option, a content note) in its language;
 * returns the text unchanged without a provider.
 */
export function useFactText(): (text: string, lang?: string) => string {
  const byKey = useFactsByKey();
  const today = useKoreaToday();
  return useCallback(
    (text: string, lang?: string) => (byKey ? renderFactsIn(text, byKey, factLocale(lang), today) : text),
    [byKey, today],
  );
}
