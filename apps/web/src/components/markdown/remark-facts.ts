import { FACT_REFERENCE, renderFact, type Fact, type Locale } from '@dari/contracts';
import type { Nodes, Root } from 'mdast';

/** `{{fact:KEY}}` → the fact as shown on a day (Korea's), in the text's language. */
export interface FactOptions {
  /** The facts in reach; without them (null) references stay as written (the editor's preview). */
  facts: ReadonlyMap<string, Fact> | null;
  locale: Locale;
  /** The day in Korea (YYYY-MM-DD). */
  today: string;
}

/**
 * Rewrites the text nodes (never code spans or code blocks, which carry a value and no children of
 * ours to visit) so that each reference becomes the fact's plain text: no Markdown or HTML is parsed
 * from it.
 */
function visit(node: Nodes, options: FactOptions & { facts: ReadonlyMap<string, Fact> }): void {
  if (node.type === 'text') {
    if (node.value.includes('{{'))
      node.value = node.value.replace(FACT_REFERENCE, (_, key: string) =>
        renderFact(options.facts.get(key), options.locale, options.today, key),
      );
    return;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) visit(child, options);
}

export function remarkFacts(options: FactOptions) {
  return (tree: Root) => {
    if (!options.facts) return;
    visit(tree, { ...options, facts: options.facts });
  };
}
