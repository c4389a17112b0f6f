import type { Nodes, Root } from 'hast';

export interface ShiftHeadingsOptions {
  /** The level an author's `#` becomes: one below the heading the Markdown sits under (2 under a page's h1). */
  top: number;
}

const HEADING = /^h([1-6])$/;

/**
 * Moves the author's headings down so they fit the page's outline: with `top` 2, `#` becomes h2,
 * `##` h3, and so on, never deeper than h6 (HTML has no h7). Runs after sanitizing, on the final tree.
 */
export function rehypeShiftHeadings({ top }: ShiftHeadingsOptions) {
  const shift = Math.min(5, Math.max(0, Math.trunc(top) - 1));
  const walk = (node: Nodes) => {
    if (node.type === 'element') {
      const m = HEADING.exec(node.tagName);
      if (m) node.tagName = `h${Math.min(6, Number(m[1]) + shift)}`;
    }
    if ('children' in node) node.children.forEach((child) => walk(child as Nodes));
  };
  return (tree: Root) => {
    if (shift > 0) walk(tree);
  };
}
