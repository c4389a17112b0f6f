import { Suspense } from 'react';
import { lazyPreload } from '../../lib/lazy-preload';
import { Loading } from '../loading';
import type { MarkdownProps } from './markdown';

// The Markdown stack (~40 KiB gzip) loads only when a lesson or an editor shows Markdown. Once loaded
// (or preloaded beside a lesson's data), it renders at once, without a loading line first.
export const MarkdownImpl = lazyPreload(() => import('./markdown'));

/** Starts loading the Markdown renderer now (a lesson page does, beside its data). */
export const preloadMarkdown = MarkdownImpl.preload;

export type { MarkdownProps };

/** The learner renderer, loaded on demand. */
export function LazyMarkdown(props: MarkdownProps) {
  return (
    <Suspense fallback={<Loading />}>
      <MarkdownImpl {...props} />
    </Suspense>
  );
}
