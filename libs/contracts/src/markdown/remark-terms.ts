import type { Link, Nodes, Parent, PhrasingContent, Root } from 'mdast';

/** A glossary link `[[term]]` or `[[term|shown text]]`, rendered as <mark class="term" data-term="term">. */
export interface TermOptions {
  /** When given, terms not in it are flagged (class "term-unknown") so the editor can point them out. */
  knownTerms?: ReadonlySet<string>;
}

const TERM = /\[\[([^[\]\n]+?)\]\]/g;

interface Piece {
  type: 'text' | 'html';
  value: string;
  start: number;
}

function termNode(inner: string, known: ReadonlySet<string> | undefined): PhrasingContent {
  const bar = inner.indexOf('|');
  const term = (bar === -1 ? inner : inner.slice(0, bar)).trim();
  const shown = (bar === -1 ? inner : inner.slice(bar + 1)).trim() || term;
  const className = known && !known.has(term) ? ['term', 'term-unknown'] : ['term'];
  // An mdast node of our own: remark-rehype turns it into <mark> from hName; its child stays a text node,
  // so whatever the author wrote between the brackets ("<img onerror>") is shown as text, never parsed as HTML.
  return {
    type: 'emphasis',
    data: { hName: 'mark', hProperties: { className, dataTerm: term } },
    children: [{ type: 'text', value: shown }],
  };
}

/**
 * Rewrites the runs of text (and inline HTML, which the parser may have cut out of "[[<b>x</b>]]")
 * inside one parent. Code spans and code blocks are other node types and stay as they are.
 */
function rewriteChildren(parent: Parent, known: ReadonlySet<string> | undefined, source: string | undefined): void {
  const out: Nodes[] = [];
  let run: Piece[] = [];
  let runText = '';

  const flushRun = () => {
    if (run.length === 0) return;
    if (!runText.includes('[[')) {
      for (const piece of run) out.push({ type: piece.type, value: piece.value });
    } else {
      const emitRange = (from: number, to: number) => {
        for (const piece of run) {
          const a = Math.max(from, piece.start);
          const b = Math.min(to, piece.start + piece.value.length);
          if (a < b) out.push({ type: piece.type, value: piece.value.slice(a - piece.start, b - piece.start) });
        }
      };
      let cursor = 0;
      for (const match of runText.matchAll(TERM)) {
        emitRange(cursor, match.index);
        out.push(termNode(match[1], known));
        cursor = match.index + match[0].length;
      }
      emitRange(cursor, runText.length);
    }
    run = [];
    runText = '';
  };

  for (const child of parent.children as Nodes[]) {
    // "[[고용주]](사장님)" parses as a link to "사장님" whose text is "[고용주]": it is a term followed by text.
    const original = source !== undefined && child.type === 'link' ? termBeforeParentheses(child, source) : null;
    if (original !== null) {
      run.push({ type: 'text', value: original, start: runText.length });
      runText += original;
      continue;
    }
    if (child.type === 'text' || child.type === 'html') {
      run.push({ type: child.type, value: child.value, start: runText.length });
      runText += child.value;
      continue;
    }
    flushRun();
    // code and inlineCode carry a value, not children, so they are never rewritten.
    if ('children' in child) rewriteChildren(child, known, source);
    out.push(child);
  }
  flushRun();
  parent.children = out as Parent['children'];
}

/** The source of a link written as "[[term]](…)", or null for a real link. */
function termBeforeParentheses(link: Link, source: string): string | null {
  const start = link.position?.start.offset;
  const end = link.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const written = source.slice(start, end);
  return /^\[\[[^[\]\n]+\]\]\(/.test(written) ? written : null;
}

export function remarkTerms(options: TermOptions = {}) {
  return (tree: Root, file?: { value?: unknown }) => {
    const source = typeof file?.value === 'string' ? file.value : undefined;
    rewriteChildren(tree, options.knownTerms, source);
  };
}

const TERM_IN_SOURCE = /\[\[([^[\]\n]+?)\]\]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A table row splits its cells at every "|", also the one of [[전세|全租房]]: the cell would end inside the
 * term and the rest of the row move one cell on (or be dropped). Before the Markdown is parsed, the bar
 * inside [[ ]] on a line with other bars (a table row) is escaped as "\|" (which the parser reads back as
 * "|", so the term is found as written); lines in code blocks and other lines stay as they are.
 */
export function escapeTermBarsInTables(source: string): string {
  if (!source.includes('[[') || !source.includes('|')) return source;
  let fence: string | null = null;
  return source
    .split('\n')
    .map((line) => {
      const opens = FENCE.exec(line)?.[1];
      if (fence) {
        if (opens && opens[0] === fence[0] && opens.length >= fence.length) fence = null;
        return line;
      }
      if (opens) {
        fence = opens;
        return line;
      }
      if (/^( {4}|\t)/.test(line) || !line.replace(TERM_IN_SOURCE, '').includes('|')) return line;
      return line.replace(
        TERM_IN_SOURCE,
        (_written: string, inner: string) => `[[${inner.replace(/(^|[^\\])\|/g, '$1\\|')}]]`,
      );
    })
    .join('\n');
}
