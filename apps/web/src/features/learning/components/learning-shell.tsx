import { lazy, Suspense } from 'react';
import { Outlet } from 'react-router';
import '../learning.css';

// The queue (IndexedDB) loads right after the first page is drawn, keeping the first page small.
const SyncRunner = lazy(() => import('./sync-runner'));

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
