import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** When the end is on screen from the start (a short text), it counts after this long. */
const SHORT_TEXT_MS = 15_000;

interface ReadingEndProps {
  kind: 'reading' | 'media';
  done: boolean;
  /** The learner reached the end (or said they're done). */
  onDone: () => void;
  /** Readings: watch the end of the text. */
  observe: boolean;
  /** Scroll back to where the learner left off, once the text is on screen. */
  restoreTo: number | null;
}

/**
 * The end of a reading (or a media lesson): reaching it completes the lesson; "I've read this" does too,
 * for those who prefer to say so. Mounted only once the text is rendered.
 */
export function ReadingEnd({ kind, done, onDone, observe, restoreTo }: ReadingEndProps) {
  const { t } = useTranslation();
  const marker = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (restoreTo && restoreTo > 0) window.scrollTo({ top: restoreTo });
    // Only once, when the text first appears (this part mounts after the text has loaded).
  }, []);

  useEffect(() => {
    const el = marker.current;
    if (done || !observe || !el || typeof IntersectionObserver === 'undefined') return undefined;
    const opened = performance.now();
    const scrolledAtStart = window.scrollY;
    let timer: number | undefined;
    const observer = new IntersectionObserver((entries) => {
      window.clearTimeout(timer);
      if (!entries.some((e) => e.isIntersecting)) return;
      // Scrolled down to it: done now. Visible from the start: after the learner had time to read it.
      const scrolled = window.scrollY > scrolledAtStart + 10;
      const wait = scrolled ? 0 : Math.max(0, SHORT_TEXT_MS - (performance.now() - opened));
      timer = window.setTimeout(onDone, wait);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [done, observe, onDone]);

  return (
    <div className="reading-end">
      <div ref={marker} className="end-marker" aria-hidden="true" />
      {done ? (
        <p className="state-done">
          <span aria-hidden="true">✓ </span>
          {kind === 'reading' ? t('learning.player.readDone') : t('learning.player.mediaDone')}
        </p>
      ) : (
        <button type="button" className="button" onClick={onDone}>
          {kind === 'reading' ? t('learning.player.markRead') : t('learning.player.markWatched')}
        </button>
      )}
    </div>
  );
}
