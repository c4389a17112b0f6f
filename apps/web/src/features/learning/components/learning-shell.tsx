import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Loading } from '../../../components/loading';
import { lazyPreload, usePreloaded } from '../../../lib/lazy-preload';
import '../learning.css';

// The queue (IndexedDB) loads right after the first page is drawn, keeping the first page small.
// (app/preload-route.ts starts it beside a lesson's data when the lesson is opened by its address.)
export const SyncRunner = lazyPreload(() => import('./sync-runner'));

/** Around every learning page: the sync of what the learner did on this phone, then the page. */
export function LearningShell() {
  // The queue learns who is signed in from SyncRunner's effect, and an event recorded before that is
  // not kept (a lesson records "viewed" as soon as it opens). So the page mounts together with the
  // runner, whose effects then run first — not before its chunk is there (a race once the lesson's
  // data and chunks were preloaded).
  const ready = usePreloaded(SyncRunner);
  if (!ready) return <Loading />;
  return (
    <>
      <Suspense fallback={null}>
        <SyncRunner />
      </Suspense>
      <Outlet />
    </>
  );
}
