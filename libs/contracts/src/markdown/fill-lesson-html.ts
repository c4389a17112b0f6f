import type { CalloutKind } from './remark-callouts.js';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// What markdownToHtml writes (hast-util-to-html's output, which these patterns follow exactly).
const FACT_PLACE = /<span data-fact="([^"<>]*)">[^<]*<\/span>/g;
const CALLOUT_TITLE =
  /(<aside class="callout callout-(note|tip|important|warning|caution)" role="note">\s*<p class="callout-title"><strong>)[^<]*(<\/strong>)/g;

const unescapeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export interface FillOptions {
  /** The text a dated fact shows today, in the lesson's language (renderFact). */
  fact: (key: string) => string;
  /** The callout labels in the reader's interface language. */
  labels: Record<CalloutKind, string>;
}

/**
 * The server's HTML made ready for the page: each dated fact's place gets the fact as it stands on the
 * reader's day and each callout its label in the interface language — as plain text, escaped, so nothing
 * filled in here is ever read as markup.
 */
export function fillLessonHtml(html: string, options: FillOptions): string {
  if (!html) return html;
  let out = html;
  if (out.includes('data-fact="'))
    out = out.replace(FACT_PLACE, (_whole, key: string) => {
      const k = unescapeAttribute(key);
      return `<span data-fact="${escapeHtml(k)}">${escapeHtml(options.fact(k))}</span>`;
    });
  if (out.includes('callout-title'))
    out = out.replace(
      CALLOUT_TITLE,
      (_whole, open: string, kind: CalloutKind, close: string) => `${open}${escapeHtml(options.labels[kind])}${close}`,
    );
  return out;
}
