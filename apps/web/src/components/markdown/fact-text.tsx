import { useFactText } from './facts-context';

/** A plain text (not Markdown: a content note, a quiz answer) with its `{{fact:KEY}}` references shown. */
export function FactText({ text, lang }: { text: string; lang?: string }) {
  const render = useFactText();
  return <>{render(text, lang)}</>;
}
