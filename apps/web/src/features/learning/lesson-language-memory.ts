/**
 * Where the lesson language a learner chose is kept, and forgetting it at sign-out. Apart from
 * lesson-language.ts so that the sign-out watcher (offline/personal-cache.ts, on every first page) does
 * not bring the lesson page's language rules into the entry script.
 */

// The choice is kept in sessionStorage, per learner and course: it lasts while the tab is open and is
// gone when it closes or the person signs out. Not localStorage: on a shared phone, a remembered "Chinese" beside a Dari account
// says where its owner may have grown up, and one person's choice must not greet the next one who signs in.
export const lessonLanguageKey = (scope: string) => `dari.lesson-language.${scope}`;

/** Forgets every lesson language chosen in this tab (when the person signs out: offline/personal-cache.ts). */
export function forgetLessonLanguages(): void {
  try {
    const keys = Array.from({ length: window.sessionStorage.length }, (_, i) => window.sessionStorage.key(i));
    for (const key of keys) if (key?.startsWith(lessonLanguageKey(''))) window.sessionStorage.removeItem(key);
  } catch {
    // storage blocked: nothing was kept
  }
}
