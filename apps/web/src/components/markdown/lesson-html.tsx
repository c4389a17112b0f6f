import { renderFact } from '@dari/contracts';
import { fillLessonHtml } from '@dari/contracts/lesson-html';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../use-locale';
import { factLocale, useFactsByKey, useKoreaToday } from './facts-context';
import { useGlossaryContext } from './glossary-context';

export interface LessonHtmlProps {
  /** HTML the server rendered from the lesson's Markdown at publish time (@dari/contracts/markdown). */
  html: string;
  /** BCP 47 tag of the text, when it differs from the interface language. */
  lang?: string;
  className?: string;
}

interface TermHost {
  host: HTMLElement;
  term: string;
  text: string;
  unknown: boolean;
}

/**
 * A lesson's text as the server rendered it: no Markdown engine on the phone. Dated facts are filled in
 * for today and callouts labelled in the interface language (fillLessonHtml, as escaped text); each
 * `[[term]]` mark becomes the glossary's own control (the same button and popover as the Markdown
 * renderer's), mounted in the mark's place.
 */
export function LessonHtml({ html, lang, className }: LessonHtmlProps) {
  const { t } = useTranslation();
  const facts = useFactsByKey();
  const today = useKoreaToday();
  const locale = useLocale();
  const factLang = factLocale(lang, locale);
  const glossary = useGlossaryContext();
  const filled = useMemo(
    () =>
      fillLessonHtml(html, {
        fact: (key) => (facts ? renderFact(facts.get(key), factLang, today, key) : `{{fact:${key}}}`),
        labels: {
          note: t('markdown.callout.note'),
          tip: t('markdown.callout.tip'),
          important: t('markdown.callout.important'),
          warning: t('markdown.callout.warning'),
          caution: t('markdown.callout.caution'),
        },
      }),
    [html, facts, factLang, today, t],
  );
  const ref = useRef<HTMLDivElement>(null);
  const [terms, setTerms] = useState<TermHost[]>([]);
  const hasGlossary = Boolean(glossary);

  // After the HTML is in the page: each marked term gets a host element for the glossary's control.
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root || !hasGlossary) {
      setTerms([]);
      return;
    }
    const found: TermHost[] = [];
    for (const mark of root.querySelectorAll<HTMLElement>('mark.term[data-term]')) {
      const term = mark.dataset.term ?? '';
      const host = document.createElement('span');
      host.className = 'term-host';
      found.push({ host, term, text: mark.textContent, unknown: mark.classList.contains('term-unknown') });
      mark.replaceWith(host);
    }
    setTerms(found);
  }, [filled, hasGlossary]);

  const register = glossary?.registerTerms;
  const termList = useMemo(() => [...new Set(terms.map((x) => x.term))].sort().join('\n'), [terms]);
  useEffect(() => {
    if (!register || !termList) return undefined;
    return register(termList.split('\n'));
  }, [register, termList]);

  return (
    <>
      <div
        ref={ref}
        className={className ? `markdown ${className}` : 'markdown'}
        lang={lang}
        // Safe only because this HTML was sanitised on the server with the lesson allow-list when the
        // version was published (markdownToHtml: no raw HTML, allow-listed links and images), and
        // fillLessonHtml adds nothing but escaped text. Never pass anything else here.
        dangerouslySetInnerHTML={{ __html: filled }}
      />
      {glossary
        ? terms.map(({ host, term, text, unknown }, i) =>
            createPortal(
              glossary.renderTerm({
                term,
                unknown: unknown || glossary.lookup(term).status === 'unknown',
                children: text,
              }),
              host,
              String(i),
            ),
          )
        : null}
    </>
  );
}
