import { useEffect, useMemo, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import ReactMarkdown, { type Components, type Options, type UrlTransform } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { useLocale } from '../use-locale';
import { factLocale, useFactsByKey, useKoreaToday } from './facts-context';
import { termsIn, useGlossaryContext } from './glossary-context';
import {
  escapeTermBarsInTables,
  isExternal,
  rehypeShiftHeadings,
  remarkCallouts,
  remarkFacts,
  remarkTerms,
  safeHref,
  safeImageSrc,
  sanitizeSchema,
  type CalloutKind,
} from '@dari/contracts/markdown';

export interface MarkdownProps {
  /** Markdown as an instructor wrote it. */
  source: string;
  /** BCP 47 tag of the text, when it differs from the interface language. */
  lang?: string;
  /** Maps a bundle path ("media/x.png") to where the file is served; return null to leave it out. */
  resolveImage?: (src: string) => string | null | undefined;
  /** Glossary terms that exist; others get class "term-unknown". */
  knownTerms?: ReadonlySet<string>;
  /**
   * The level the lesson's top-most heading becomes (the others keep their depth below it, up to h6),
   * so that the lesson's headings sit under the page's own: 2 where the lesson title is the page's h1
   * (the default), 3 under an h2. A lesson that starts at `##` is lifted like one that starts at `#`.
   */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
}

function Link({ href, children, node: _node, ...rest }: ComponentProps<'a'> & { node?: unknown }) {
  // urlTransform has already emptied unsafe addresses: those links become plain text.
  if (!href) return <span>{children}</span>;
  if (isExternal(href)) {
    return (
      <a href={href} rel="noopener noreferrer" target="_blank" {...rest}>
        {children}
      </a>
    );
  }
  return (
    <a href={href} {...rest}>
      {children}
    </a>
  );
}

function Image({ src, alt, title }: ComponentProps<'img'> & { node?: unknown }) {
  const safe = typeof src === 'string' ? safeImageSrc(src) : null;
  if (!safe) return alt ? <span className="image-blocked">{alt}</span> : null;
  return <img src={safe} alt={alt ?? ''} title={title} loading="lazy" decoding="async" />;
}

type MarkProps = ComponentProps<'mark'> & { node?: unknown; 'data-term'?: string };

/** A marked glossary term becomes the glossary's own control (a button and its popover) when there is a glossary. */
function Mark({ node: _node, children, className, ...rest }: MarkProps) {
  const glossary = useGlossaryContext();
  const term = rest['data-term'];
  if (!glossary || typeof term !== 'string' || !/(^|\s)term(\s|$)/.test(className ?? '')) {
    return (
      <mark className={className} {...rest}>
        {children}
      </mark>
    );
  }
  const unknown = /term-unknown/.test(className ?? '') || glossary.lookup(term).status === 'unknown';
  return <>{glossary.renderTerm({ term, unknown, children })}</>;
}

const components: Components = { a: Link, img: Image, mark: Mark };

/**
 * Lesson Markdown as learners see it, and the editor's live preview (the very same component).
 * No raw HTML, allow-listed links and images, GitHub-style callouts, [[glossary]] terms and {{fact:KEY}}
 * dated facts (shown for today, when a FactsContext gives the course's facts).
 */
export function Markdown({ source, lang, resolveImage, knownTerms, headingLevel = 2, className }: MarkdownProps) {
  const { t } = useTranslation();
  const glossary = useGlossaryContext();
  const terms = useMemo(() => termsIn(source).sort().join('\n'), [source]);
  const register = glossary?.registerTerms;
  useEffect(() => {
    if (!register || !terms) return undefined;
    return register(terms.split('\n'));
  }, [register, terms]);
  const language = t('markdown.callout.note');
  // {{fact:KEY}}: in the text's own language, for today in Korea (see facts-context.ts).
  const facts = useFactsByKey();
  const today = useKoreaToday();
  const locale = useLocale();
  const factLang = factLocale(lang, locale);
  // The plugins change only with the language (the callout labels), the known terms and the facts shown.
  const remarkPlugins = useMemo(() => {
    const labels: Record<CalloutKind, string> = {
      note: t('markdown.callout.note'),
      tip: t('markdown.callout.tip'),
      important: t('markdown.callout.important'),
      warning: t('markdown.callout.warning'),
      caution: t('markdown.callout.caution'),
    };
    return [
      remarkGfm,
      [remarkFacts, { facts, locale: factLang, today }],
      [remarkCallouts, { labels }],
      [remarkTerms, { knownTerms }],
    ];
  }, [t, language, knownTerms, facts, factLang, today]);

  const rendered = useMemo(() => {
    const urlTransform: UrlTransform = (url, key) => {
      if (key === 'src') {
        const mapped = resolveImage ? resolveImage(url) : url;
        return (mapped && safeImageSrc(mapped)) || '';
      }
      if (key === 'href') return safeHref(url) ?? '';
      return '';
    };
    // Parsing and transforming the Markdown is the costliest part of showing a lesson on a slow phone:
    // done again only when the text or the options change, not each time the page around it renders
    // (progress arriving, the queue syncing, glossary answers — the terms update through their context).
    return (
      <ReactMarkdown
        skipHtml
        remarkPlugins={remarkPlugins as NonNullable<Options['remarkPlugins']>}
        rehypePlugins={[
          [rehypeSanitize, sanitizeSchema],
          [rehypeShiftHeadings, { top: headingLevel }],
        ]}
        urlTransform={urlTransform}
        components={components}
      >
        {escapeTermBarsInTables(source)}
      </ReactMarkdown>
    );
  }, [source, remarkPlugins, headingLevel, resolveImage]);

  return (
    <div className={className ? `markdown ${className}` : 'markdown'} lang={lang}>
      {rendered}
    </div>
  );
}

export default Markdown;
