import type { Nodes, Root } from 'hast';

export interface ShiftHeadingsOptions {
  /** The level the document's top-most author heading becomes: one below the heading the Markdown sits under (2 under a page's h1). */
  top: number;
}

const HEADING = /^h([1-6])$/;

/**
 * Fits the author's headings into the page's outline: the top-most heading of the document becomes
 * `top` and the others keep their depth relative to it, never deeper than h6 (HTML has no h7). With
 * `top` 2, a lesson written `#`/`##` gets h2/h3, and one that starts at `##` (`##`/`###`) gets the
 * same h2/h3 — never an h3 straight under the page's h1, which skips a level. Runs after sanitizing,
 * on the final tree.
 */
export function rehypeShiftHeadings({ top }: ShiftHeadingsOptions) {
  const target = Math.min(6, Math.max(1, Math.trunc(top)));
  const headings = (node: Nodes, found: { node: Extract<Nodes, { type: 'element' }>; level: number }[]) => {
    if (node.type === 'element') {
      const m = HEADING.exec(node.tagName);
      if (m) found.push({ node, level: Number(m[1]) });
    }
    if ('children' in node) node.children.forEach((child) => headings(child, found));
    return found;
  };
  return (tree: Root) => {
    const found = headings(tree, []);
    if (!found.length) return;
    const shift = target - Math.min(...found.map((h) => h.level));
    if (shift === 0) return;
    for (const h of found) h.node.tagName = `h${Math.min(6, h.level + shift)}`;
  };
}
