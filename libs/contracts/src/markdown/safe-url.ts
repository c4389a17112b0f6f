/** Where a link may point: the web, mail, phone, or somewhere inside Dari. Everything else is shown as text. */
const LINK_PROTOCOLS = new Set(['https:', 'http:', 'mailto:', 'tel:']);

// A scheme is letters followed by ':' before any '/', '?' or '#'; "javascript:", "data:", "vbscript:" all have one.
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Browsers ignore tabs, newlines and control characters inside a scheme ("java\tscript:"), so we drop them before looking.
// eslint-disable-next-line no-control-regex -- control characters are what this pattern drops
const IGNORED = /[\u0000-\u0020\u007f-\u009f]/g;

function scheme(url: string): string | null {
  const match = SCHEME.exec(url.replace(IGNORED, ''));
  return match ? `${match[1].toLowerCase()}:` : null;
}

/** A path inside this site: "/learn", "./x", "media/x.png", "#part" — never "//host" (another site). */
export function isRelative(url: string): boolean {
  const clean = url.replace(IGNORED, '');
  if (clean.startsWith('//') || clean.startsWith('\\')) return false;
  return scheme(clean) === null;
}

export function isExternal(url: string): boolean {
  const s = scheme(url);
  return s === 'https:' || s === 'http:';
}

export function safeHref(url: string): string | null {
  if (!url) return null;
  if (isRelative(url)) return url;
  const s = scheme(url);
  return s && LINK_PROTOCOLS.has(s) ? url : null;
}

/** Images come only from this site (uploaded media or relative paths): no tracking pixels, no data: URLs. */
export function safeImageSrc(url: string): string | null {
  if (!url || !isRelative(url)) return null;
  const clean = url.replace(IGNORED, '');
  if (clean.startsWith('/') && !clean.startsWith('/api/v1/media/')) return null;
  return clean;
}
