import type { QueryClient } from '@tanstack/react-query';
import { preloadMarkdown } from '../components/markdown/lazy-markdown';
import { publishedCourseQuery } from '../features/learning/api/get-course';
import { progressQuery } from '../features/learning/api/get-progress';
import { SyncRunner } from '../features/learning/components/learning-shell';
import { lazyPreload } from '../lib/lazy-preload';
import { meQuery } from '../lib/session';

// The lesson player's chunks, declared here so that main.tsx can start them before the first render.
export const LessonPage = lazyPreload(() =>
  import('../features/learning/routes/lesson-page').then((m) => ({ default: m.LessonPage })),
);
export const LessonGlossary = lazyPreload(() => import('../features/glossary/components/lesson-glossary'));

const LESSON_PATH = /^\/learn\/courses\/([^/]+)\/lessons\/[^/]+\/?$/;

/**
 * A lesson opened straight from its address (a link, a reload, the home screen) would otherwise wait
 * on a chain: the entry script, then /me, then the glossary wrapper's chunk, then the page's chunk,
 * then the course and progress, then the Markdown renderer. Here all of them start at once, as soon as
 * the entry script runs: the data first (the course is the largest answer), then the code.
 *
 * The data goes into the same queries the page reads. Before /me has answered we do not know whether
 * the person is signed in: if not, the progress request is refused (401) and the sign-in page follows;
 * startSession drops those queries at sign-in. Offline, the service worker answers them from its caches
 * (and has the code precached).
 */
export function preloadRoute(pathname: string, client: QueryClient): void {
  const lesson = LESSON_PATH.exec(pathname);
  if (!lesson) return;
  let slug: string;
  try {
    slug = decodeURIComponent(lesson[1]);
  } catch {
    return; // a malformed address: the router shows its own page
  }
  const quiet = (p: Promise<unknown>) => void p.catch(() => undefined); // the page shows load errors itself
  quiet(client.query(meQuery));
  quiet(client.query(publishedCourseQuery(slug)));
  quiet(client.query(progressQuery(slug)));
  quiet(LessonGlossary.preload());
  quiet(LessonPage.preload());
  quiet(preloadMarkdown());
  quiet(SyncRunner.preload());
}
