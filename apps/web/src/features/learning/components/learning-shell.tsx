import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { lazyPreload } from '../../../lib/lazy-preload';
import '../learning.css';

// The queue (IndexedDB) loads right after the first page is drawn, keeping the first page small.
// (app/preload-route.ts starts it beside a lesson's data when the lesson is opened by its address.)
export const SyncRunner = lazyPreload(() => import('./sync-runner'));

/** Around every learning page: the sync of what the learner did on this phone, then the page. */
export function LearningShell() {
  return (
    <>
      <Suspense fallback={null}>
        <SyncRunner />
      </Suspense>
      <Outlet />
    </>
  );
}
