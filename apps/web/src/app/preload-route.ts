import type { QueryClient } from '@tanstack/react-query';
import { lessonQuery, outlineQuery } from '../features/learning/api/get-lesson';
import { progressQuery } from '../features/learning/api/get-progress';
import { SyncRunner } from '../features/learning/components/learning-shell';
import { withAreas } from '../i18n';
import { lazyPreload } from '../lib/lazy-preload';
import { meQuery } from '../lib/session';
import { paths } from '@/config/paths';

// The lesson player's chunks, declared here so that main.tsx can start them before the first render.
// The player asks questions about its lesson (the 'questions' area); the glossary around it explains
// words (the 'glossary' area).
export const LessonPage = lazyPreload(
  withAreas(['questions'], () =>
    import('../features/learning/routes/lesson-page').then((m) => ({ default: m.LessonPage })),
  ),
);
export const LessonGlossary = lazyPreload(
  withAreas(['glossary'], () => import('../features/glossary/components/lesson-glossary')),
);
// The sign-in page is a chunk of its own (its form brings react-hook-form, which no other first page
// needs): it starts loading beside the entry script when the address is sign-in's or the home (below),
// with its words (the 'auth' area).
export const SignInPage = lazyPreload(
  withAreas(['auth'], () => import('../features/auth/routes/sign-in-page').then((m) => ({ default: m.SignInPage }))),
);

const LESSON_PATH = /^\/learn\/courses\/([^/]+)\/lessons\/([^/]+)\/?$/;

/**
 * A lesson opened straight from its address (a link, a reload, the home screen) would otherwise wait
 * on a chain: the entry script, then /me, then the glossary wrapper's chunk, then the page's chunk,
 * then the outline, the progress and the lesson (its text already HTML: no Markdown renderer on this
 * route). Here all of them start at once, as soon as the entry script runs: the data first, then the code.
 *
 * The data goes into the same queries the page reads. Before /me has answered we do not know whether
 * the person is signed in: if not, the progress request is refused (401) and the sign-in page follows;
 * startSession drops those queries at sign-in. Offline, the service worker answers them from its caches
 * (and has the code precached).
 */
export function preloadRoute(pathname: string, client: QueryClient): void {
  const quietly = (p: Promise<unknown>) => void p.catch(() => undefined); // the route shows load errors itself
  const page = pathname.replace(/\/$/, '') || '/';
  // The home address sends anyone signed out to sign-in.
  if (page === paths.signIn || page === paths.home) quietly(SignInPage.preload());
  const lesson = LESSON_PATH.exec(pathname);
  if (!lesson) return;
  let slug: string;
  let lessonId: string;
  try {
    slug = decodeURIComponent(lesson[1]);
    lessonId = decodeURIComponent(lesson[2]);
  } catch {
    return; // a malformed address: the router shows its own page
  }
  quietly(client.query(meQuery));
  quietly(client.query(outlineQuery(slug)));
  quietly(client.query(progressQuery(slug)));
  quietly(client.query(lessonQuery(slug, lessonId)));
  quietly(LessonGlossary.preload());
  quietly(LessonPage.preload());
  quietly(SyncRunner.preload());
}
