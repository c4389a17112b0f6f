import type { GlossaryTerm } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { useRegistryFactText } from '../../../components/markdown/use-facts';
import { useLocale } from '../../../components/use-locale';

/**
 * What a learner needs to understand a term: the North Korean word(s), the plain explanation, the gloss
 * in their language (both glosses for Korean readers), and the example. Spans only, so it can sit in a
 * popover inside a paragraph as well as on a page. Dated facts (`{{fact:KEY}}`) show their value for today,
 * each in the language of the text it sits in (the edit form shows what was written).
 */
export function TermDetails({ term }: { term: GlossaryTerm }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const facts = useRegistryFactText();
  const glosses =
    locale === 'en'
      ? [{ lng: 'en' as const, label: t('glossary.term.glossEn') }]
      : locale === 'zh'
        ? [{ lng: 'zh' as const, label: t('glossary.term.glossZh') }]
        : [
            { lng: 'en' as const, label: t('glossary.term.glossEn') },
            { lng: 'zh' as const, label: t('glossary.term.glossZh') },
          ];
  return (
    <span className="term-details">
      {term.northKorean.length > 0 ? (
        <span className="term-line term-north">
          <span className="term-label">{t('glossary.term.northKorean')}</span>{' '}
          <strong lang="ko">{term.northKorean.join(', ')}</strong>
        </span>
      ) : null}
      <span className="term-line term-explanation" lang="ko">
        {facts(term.explanation, 'ko')}
      </span>
      <span className={locale === 'ko' ? 'term-line term-gloss term-gloss-small' : 'term-line term-gloss'}>
        {glosses.map((g, i) => (
          <span key={g.lng}>
            {i > 0 ? ' · ' : null}
            <span className="term-label">{g.label}</span>{' '}
            <span lang={g.lng === 'zh' ? 'zh-Hans' : 'en'}>{facts(term.gloss[g.lng], g.lng)}</span>
          </span>
        ))}
      </span>
      <span className="term-line term-example">
        <span className="term-label">{t('glossary.term.example')}</span>{' '}
        <span lang="ko">{facts(term.example, 'ko')}</span>
      </span>
    </span>
  );
}
