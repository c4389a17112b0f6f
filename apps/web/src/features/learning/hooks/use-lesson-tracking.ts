import type { LearningEvent } from '@dari/contracts';
import { useEffect } from 'react';
import { newEvent } from '../queue/learning-queue';

const FLUSH_MS = 30_000;
/** A phone left open on a lesson is not learning: time stops counting this long after the last touch. */
const IDLE_MS = 5 * 60_000;
const MAX_SECONDS = 3600; // the API takes at most an hour per event

interface Tracking {
  /** Only while enrolled and the lesson is open to the learner. */
  enabled: boolean;
  lessonId: string;
  record: (event: LearningEvent) => unknown;
  /** Where the learner is (scroll offset, media seconds), or null when there is nothing to save. */
  position: () => number | null;
  /** The saved position the lesson opened at (not sent again). */
  initialPosition: number | null;
  /** Smaller moves are not worth an event (pixels or seconds). */
  minChange: number;
}

/**
 * Time spent, counted only while the page is visible and in use, sent every 30 seconds and on leaving;
 * and the position in the lesson, saved at the same moments when it moved.
 */
export function useLessonTracking({ enabled, lessonId, record, position, initialPosition, minChange }: Tracking): void {
  useEffect(() => {
    if (!enabled) return undefined;
    let counted = 0;
    let since: number | null = document.visibilityState === 'visible' ? performance.now() : null;
    let lastActive = performance.now();
    let lastPosition = initialPosition;

    const tally = () => {
      if (since === null) return;
      const now = performance.now();
      const end = Math.min(now, lastActive + IDLE_MS);
      if (end > since) counted += end - since;
      since = now;
    };
    const flush = () => {
      tally();
      const seconds = Math.min(MAX_SECONDS, Math.floor(counted / 1000));
      if (seconds >= 1) {
        counted -= seconds * 1000;
        record(newEvent('time_spent', lessonId, { seconds }));
      }
      const at = position();
      if (at !== null && at >= 0 && Math.abs(at - (lastPosition ?? 0)) >= minChange) {
        lastPosition = at;
        record(newEvent('position', lessonId, { position: Math.round(at) }));
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        flush();
        since = null;
      } else {
        since = performance.now();
        lastActive = since;
      }
    };
    const onActive = () => {
      tally();
      lastActive = performance.now();
    };

    const timer = window.setInterval(flush, FLUSH_MS);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    for (const type of ['scroll', 'pointerdown', 'keydown'] as const)
      window.addEventListener(type, onActive, { passive: true });
    return () => {
      flush();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      for (const type of ['scroll', 'pointerdown', 'keydown'] as const) window.removeEventListener(type, onActive);
    };
  }, [enabled, lessonId, record, position, initialPosition, minChange]);
}
