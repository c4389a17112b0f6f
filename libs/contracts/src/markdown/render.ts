import { toHtml } from 'hast-util-to-html';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeLearnerLinks } from './rehype-learner-links.js';
import { rehypeShiftHeadings } from './rehype-shift-headings.js';
import { remarkCallouts, type CalloutKind } from './remark-callouts.js';
import { remarkFacts } from './remark-facts.js';
import { escapeTermBarsInTables, remarkTerms } from './remark-terms.js';
import { sanitizeSchema } from './sanitize-schema.js';

/** What the server writes as a callout's label: the phone puts the label in the reader's language there (fillLessonHtml). */
export const CALLOUT_PLACEHOLDERS: Record<CalloutKind, string> = {
  note: 'NOTE',
  tip: 'TIP',
  important: 'IMPORTANT',
  warning: 'WARNING',
  caution: 'CAUTION',
};

export interface RenderOptions {
  /** The level the top-most heading becomes (rehype-shift-headings). */
  headingLevel: number;
}

/**
 * Lesson Markdown to sanitised HTML, on the server at publish time: the web renderer's pipeline
 * (remark-gfm, facts, callouts, [[terms]], rehype-sanitize with the same allow-list, heading shift,
 * its address rules) with the facts left as placeholders for the phone to fill in for its own day.
 * Raw HTML is dropped; nothing outside the allow-list survives.
 */
export function markdownToHtml(source: string, options: RenderOptions): string {
  if (!source.trim()) return '';
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFacts, { facts: 'placeholder', locale: 'ko', today: '' })
    .use(remarkCallouts, { labels: CALLOUT_PLACEHOLDERS })
    .use(remarkTerms, {})
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeShiftHeadings, { top: options.headingLevel })
    .use(rehypeLearnerLinks);
  const escaped = escapeTermBarsInTables(source);
  const tree = processor.runSync(processor.parse(escaped), escaped);
  return toHtml(tree);
}
