import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { termsIn } from '../../../components/markdown/glossary-context';
import { useTermLookup } from '../api/lookup-terms';
import './glossary.css';

/** The [[terms]] of a text, a moment after typing stops, so a half-typed term is not looked up. */
function useSettledTerms(text: string, delay = 500): string[] {
  const [terms, setTerms] = useState(() => termsIn(text).sort());
  useEffect(() => {
    const next = termsIn(text).sort();
    if (next.join('\n') === terms.join('\n')) return undefined;
    const timer = setTimeout(() => setTerms(next), delay);
    return () => clearTimeout(timer);
  }, [text, terms, delay]);
  return terms;
}

/**
 * For authors: which [[terms]] of the text have a glossary entry. `knownTerms` goes to the preview
 * (unknown ones get the class "term-unknown"); `unknown` lists the others for the hint.
 */
export function useGlossaryCheck(text: string) {
  const terms = useSettledTerms(text);
  const lookup = useTermLookup('editor', terms);
  return useMemo(() => {
    if (!lookup.data || terms.length === 0)
      return { terms, knownTerms: undefined, unknown: [] as string[], error: lookup.error };
    const knownTerms = new Set(terms.filter((term) => lookup.data.has(term)));
    return {
      terms,
      knownTerms: knownTerms,
      unknown: terms.filter((term) => !knownTerms.has(term)),
      error: lookup.error,
    };
  }, [lookup.data, lookup.error, terms]);
}

/** Above the preview: how many [[terms]] have no glossary entry yet, and which. */
export function UnknownTermsHint({ check }: { check: ReturnType<typeof useGlossaryCheck> }) {
  const { t } = useTranslation();
  if (check.terms.length === 0) return null;
  if (check.error && !check.knownTerms)
    return <p className="muted unknown-terms-hint">{t('glossary.editor.checkFailed')}</p>;
  if (!check.knownTerms) return null;
  if (check.unknown.length === 0) return <p className="muted unknown-terms-hint">{t('glossary.editor.allKnown')}</p>;
  return (
    <div className="alert alert-info unknown-terms-hint">
      <p>
        <strong>
          {t('glossary.editor.unknownTerms', { count: check.unknown.length, terms: check.unknown.join(', ') })}
        </strong>
      </p>
      <p>{t('glossary.editor.unknownTermsHint')}</p>
    </div>
  );
}
