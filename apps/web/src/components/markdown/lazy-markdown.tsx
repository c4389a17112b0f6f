import { lazy, Suspense } from 'react';
import { Loading } from '../loading';
import type { MarkdownProps } from './markdown';

// The Markdown stack (~40 KiB gzip) loads only when a lesson or an editor shows Markdown.
const MarkdownImpl = lazy(() => import('./markdown'));

export type { MarkdownProps };

/** The learner renderer, loaded on demand. */
export function LazyMarkdown(props: MarkdownProps) {
  return (
    <Suspense fallback={<Loading />}>
      <MarkdownImpl {...props} />
    </Suspense>
  );
}
