import type { Element, ElementContent, Root, RootContent } from 'hast';
import { isExternal, safeHref, safeImageSrc } from './safe-url.js';

/** The address attributes (html-url-attributes) of the elements the allow-list keeps. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  href: ['a'],
  src: ['img'],
  cite: ['blockquote', 'del', 'ins', 'q'],
};

/** The web renderer's urlTransform: images and links allow-listed, every other address emptied. */
function transformUrls(node: Element): void {
  for (const [key, tags] of Object.entries(URL_ATTRIBUTES)) {
    if (!tags.includes(node.tagName) || !Object.hasOwn(node.properties, key)) continue;
    const value = String(node.properties[key] || '');
    node.properties[key] = key === 'src' ? safeImageSrc(value) || '' : key === 'href' ? (safeHref(value) ?? '') : '';
  }
}

/** The web renderer's Link and Image components, as a tree transform. */
function replace(node: Element): ElementContent[] {
  if (node.tagName === 'a') {
    const { href, ...rest } = node.properties;
    // An unsafe address was emptied: the link becomes its plain text.
    if (!href) return [{ type: 'element', tagName: 'span', properties: {}, children: node.children }];
    if (isExternal(href)) node.properties = { href, rel: ['noopener', 'noreferrer'], target: '_blank', ...rest };
    return [node];
  }
  if (node.tagName === 'img') {
    const src = typeof node.properties.src === 'string' ? safeImageSrc(node.properties.src) : null;
    const alt = node.properties.alt;
    if (!src)
      return alt
        ? [
            {
              type: 'element',
              tagName: 'span',
              properties: { className: ['image-blocked'] },
              children: [{ type: 'text', value: alt }],
            },
          ]
        : [];
    const title = node.properties.title;
    node.properties = {
      src,
      alt: alt ?? '',
      ...(title === undefined ? {} : { title }),
      loading: 'lazy',
      decoding: 'async',
    };
    return [node];
  }
  return [node];
}

function walk(parent: Root | Element): void {
  const out: RootContent[] = [];
  for (const child of parent.children) {
    // Raw HTML never shows (the web renderer's skipHtml).
    if (child.type === 'raw') continue;
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    transformUrls(child);
    // React writes a data-* attribute that is true as data-x="true" (footnotes' data-footnote-ref).
    for (const [key, value] of Object.entries(child.properties))
      if (value === true && /^data[A-Z]/.test(key)) child.properties[key] = 'true';
    walk(child);
    out.push(...replace(child));
  }
  parent.children = out;
}

/**
 * What the web renderer (react-markdown with skipHtml, its urlTransform and its a/img components) does
 * after sanitizing, for the server's render: the same HTML comes out of both.
 */
export function rehypeLearnerLinks() {
  return (tree: Root) => walk(tree);
}
