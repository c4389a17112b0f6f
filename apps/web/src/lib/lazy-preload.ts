import { lazy, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint
export type PreloadableLazy<T extends ComponentType<any>> = LazyExoticComponent<T> & {
  /** Starts loading the chunk now (once); resolves when it is there. */
  preload: () => Promise<unknown>;
  /** Whether the chunk is there: the component then renders without suspending. */
  isLoaded: () => boolean;
};

/**
 * React.lazy whose chunk can be fetched before the component first renders (app/preload-route.ts
 * starts the lesson page's chunks beside its data). When the chunk is already there at first render,
 * the component renders at once instead of showing its Suspense fallback for a frame: no loading
 * line that the content then pushes away (a layout shift), and no Suspense reveal, which React holds
 * back for up to 300 ms after a fallback showed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint
export function lazyPreload<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): PreloadableLazy<T> {
  let loaded: { default: T } | undefined;
  let pending: Promise<{ default: T }> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        pending = undefined; // a failed download can be tried again
        throw error;
      },
    ));
  const Component = lazy(() => {
    // A thenable that answers at once: React.lazy then renders without suspending.
    if (loaded) {
      const module = loaded;
      return { then: (resolve: (m: { default: T }) => void) => resolve(module) } as unknown as Promise<{ default: T }>;
    }
    return preload();
  });
  return Object.assign(Component, { preload, isLoaded: () => loaded !== undefined });
}

/**
 * True once every chunk is there (loading them if needed), or once loading has failed (the lazy
 * component then reports the error to its boundary). For a page that shows its own loading state
 * instead of a Suspense fallback. `chunks` must be the same on every render.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint
export function usePreloaded(...chunks: PreloadableLazy<any>[]): boolean {
  const ready = chunks.every((c) => c.isLoaded());
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (ready) return undefined;
    let live = true;
    void Promise.allSettled(chunks.map((c) => c.preload())).then(() => {
      if (live) setSettled(true);
    });
    return () => {
      live = false;
    };
    // The chunks are module-level constants, so they are not dependencies.
  }, [ready]);
  return ready || settled;
}
