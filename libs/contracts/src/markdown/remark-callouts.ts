import type { Blockquote, Root, RootContent } from 'mdast';

export const CALLOUT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export interface CalloutOptions {
  /** The translated label shown at the top of each kind of callout. */
  labels: Record<CalloutKind, string>;
}

const MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n|$)/i;

function toCallout(quote: Blockquote, labels: CalloutOptions['labels']): void {
  const first = quote.children.at(0);
  if (first?.type !== 'paragraph') return;
  const text = first.children.at(0);
  if (text?.type !== 'text') return;
  const match = MARKER.exec(text.value);
  if (!match) return;
  const kind = match[1].toLowerCase() as CalloutKind;
  text.value = text.value.slice(match[0].length);
  if (text.value === '') first.children.shift();
  // A line break right after the marker would otherwise start the body.
  if (first.children[0]?.type === 'break') first.children.shift();
  if (first.children.length === 0) quote.children.shift();
  quote.data = { hName: 'aside', hProperties: { className: ['callout', `callout-${kind}`], role: 'note' } };
  quote.children.unshift({
    type: 'paragraph',
    data: { hProperties: { className: ['callout-title'] } },
    children: [{ type: 'strong', children: [{ type: 'text', value: labels[kind] }] }],
  });
}

/** GitHub-style alerts: a quote starting with "[!NOTE]", "[!TIP]", "[!IMPORTANT]", "[!WARNING]" or "[!CAUTION]". */
export function remarkCallouts(options: CalloutOptions) {
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'blockquote') {
        toCallout(node, options.labels);
        walk(node.children);
      } else if (node.type === 'list' || node.type === 'listItem') {
        walk(node.children);
      }
    }
  };
  return (tree: Root) => walk(tree.children);
}
