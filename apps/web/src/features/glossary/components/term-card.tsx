import type { GlossaryTerm } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRegistryFactText } from '@/components/markdown/use-facts';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';

/** One line of a list: the term (a link to it), the North Korean word, and the gloss in my language (dated facts shown). */
export function TermCard({ term, headingLevel = 2 }: { term: GlossaryTerm; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const facts = useRegistryFactText();
  const en = facts(term.gloss.en, 'en');
  const zh = facts(term.gloss.zh, 'zh');
  const gloss = locale === 'zh' ? zh : locale === 'en' ? en : `${en} · ${zh}`;
  return (
    <article className="card term-card">
      <Heading>
        <Link to={paths.glossary.term(term.id)} className="term-card-link" lang="ko">
          {term.term}
        </Link>
      </Heading>
      {term.northKorean.length > 0 ? (
        <p className="term-line">
          <span className="term-label">{t('glossary.term.northKorean')}</span>{' '}
          <span lang="ko">{term.northKorean.join(', ')}</span>
        </p>
      ) : null}
      <p className="term-line" lang={locale === 'zh' ? 'zh-Hans' : locale === 'en' ? 'en' : undefined}>
        <span className="term-label">{t('glossary.term.gloss')}</span> {gloss}
      </p>
    </article>
  );
}
