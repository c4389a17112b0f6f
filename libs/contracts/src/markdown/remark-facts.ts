import type { Fact } from '../facts.js';
import type { Locale } from '../constants.js';
import { FACT_REFERENCE, renderFact } from '../facts-render.js';
import type { Nodes, PhrasingContent, Root } from 'mdast';

/** `{{fact:KEY}}` → the fact as shown on a day (Korea's), in the text's language. */
export interface FactOptions {
  /**
   * The facts in reach; without them (null) references stay as written (the editor's preview).
   * 'placeholder' (the server's render at publish time, which cannot know the day it is read on): each
   * reference becomes `<span data-fact="KEY">{{fact:KEY}}</span>`, filled in on the phone for its own day
   * by fillFactPlaceholders.
   */
  facts: ReadonlyMap<string, Fact> | null | 'placeholder';
  locale: Locale;
  /** The day in Korea (YYYY-MM-DD). */
  today: string;
}

function placeholders(value: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let cursor = 0;
  for (const match of value.matchAll(FACT_REFERENCE)) {
    if (match.index > cursor) out.push({ type: 'text', value: value.slice(cursor, match.index) });
    // An mdast node of our own, like a glossary term's: remark-rehype makes it a <span data-fact>.
    out.push({
      type: 'emphasis',
      data: { hName: 'span', hProperties: { dataFact: match[1] } },
      children: [{ type: 'text', value: match[0] }],
    });
    cursor = match.index + match[0].length;
  }
  if (cursor < value.length) out.push({ type: 'text', value: value.slice(cursor) });
  return out;
}

/**
 * Rewrites the text nodes (never code spans or code blocks, which carry a value and no children of
 * ours to visit) so that each reference becomes the fact's plain text (or its placeholder): no Markdown
 * or HTML is parsed from it.
 */
function visit(node: Nodes, options: FactOptions): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'text') {
      if (!child.value.includes('{{')) continue;
      const facts = options.facts;
      if (facts === 'placeholder') {
        const parts = placeholders(child.value);
        children.splice(i, 1, ...(parts as Nodes[]));
        i += parts.length - 1;
      } else if (facts) {
        child.value = child.value.replace(FACT_REFERENCE, (_, key: string) =>
          renderFact(facts.get(key), options.locale, options.today, key),
        );
      }
      continue;
    }
    visit(child, options);
  }
}

export function remarkFacts(options: FactOptions) {
  return (tree: Root) => {
    if (!options.facts) return;
    visit(tree, options);
  };
}
