import { useFactText } from './facts-context';
import { useRegistryFactText } from './use-facts';

/** A plain text (not Markdown: a content note, a quiz answer) with its `{{fact:KEY}}` references shown. */
export function FactText({ text, lang }: { text: string; lang?: string }) {
  const render = useFactText();
  return <>{render(text, lang)}</>;
}

/**
 * A plain text outside a course snapshot (a glossary entry's explanation, example or gloss) with its
 * `{{fact:KEY}}` references shown in `lang` (the text's language): from the lesson's facts inside a
 * lesson, else from the registry (GET /facts). See useRegistryFactText.
 */
export function RegistryFactText({ text, lang }: { text: string; lang?: string }) {
  const render = useRegistryFactText();
  return <>{render(text, lang)}</>;
}
