import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api';

/** pending: changed, waiting for a pause in typing; invalid: cannot be saved as it is (see canSave). */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'invalid' | 'stale';

interface AutosaveOptions {
  /** The revision the draft was loaded at; a newer one from elsewhere in the page (an outline change) is followed. */
  revision: number;
  enabled: boolean;
  /** Sends the latest draft made on `revision` and resolves with the new revision. */
  send: (revision: number) => Promise<number>;
  /** False when the draft would be refused (e.g. no Korean title): we wait for the next change. */
  canSave?: () => boolean;
  delay?: number;
}

const UNSAVED: readonly SaveState[] = ['pending', 'saving', 'error', 'invalid'];

/**
 * Saves a draft continuously: ~1.5 s after typing stops, on blur, and when the page is left.
 * Each save carries the revision it was made on; when someone else saved in between (409 stale_revision)
 * saving stops for good, so nothing of theirs is overwritten, and the page offers to reload.
 */
export function useAutosave({ revision, enabled, send, canSave, delay = 1500 }: AutosaveOptions) {
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const revisionRef = useRef(revision);
  const changes = useRef(0);
  const saved = useRef(0);
  const inFlight = useRef(false);
  const stale = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ send, canSave, enabled });
  latest.current = { send, canSave, enabled };

  useEffect(() => {
    if (!inFlight.current && revision > revisionRef.current) revisionRef.current = revision;
  }, [revision]);

  const flush = useCallback((): void => {
    clearTimeout(timer.current);
    const { send: doSend, canSave: check, enabled: on } = latest.current;
    if (!on || stale.current || inFlight.current || changes.current === saved.current) return;
    if (check && !check()) {
      setState('invalid');
      return;
    }
    const sending = changes.current;
    inFlight.current = true;
    setState('saving');
    doSend(revisionRef.current).then(
      (next) => {
        inFlight.current = false;
        revisionRef.current = next;
        saved.current = sending;
        setError(null);
        // More was typed while this save travelled: send that too.
        if (changes.current !== saved.current) flush();
        else setState('saved');
      },
      (err: unknown) => {
        inFlight.current = false;
        setError(err);
        if (isApiError(err) && err.code === 'stale_revision') {
          stale.current = true;
          setState('stale');
        } else {
          setState('error');
        }
      },
    );
  }, []);

  const changed = useCallback(() => {
    if (!latest.current.enabled || stale.current) return;
    changes.current += 1;
    setState('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, delay);
  }, [flush, delay]);

  // Leaving the page inside the app: save what is left (the request outlives the page).
  useEffect(() => () => flush(), [flush]);

  // Closing the tab or reloading with unsaved words: the browser asks first.
  const unsaved = UNSAVED.includes(state);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      flush();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved, flush]);

  return { state, error, changed, flush, retry: flush, unsaved };
}
