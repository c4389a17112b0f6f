import { paths } from '@/config/paths';

const ORIGIN = 'https://dari.invalid';

/**
 * Only same-site relative paths (one leading '/') are accepted as a place to return to,
 * so a crafted `?next=` link cannot send someone to another site.
 */
export function safeNextPath(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2000) return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Returning to the sign-in pages themselves would loop.
  if (url.pathname === paths.signIn || url.pathname === paths.resetCode) return null;
  return path;
}

export function signInPath(options: { next?: string; reason?: 'expired' | 'signed-out' | 'erased' | null }): string {
  const params = new URLSearchParams();
  if (options.reason === 'expired') params.set('expired', '1');
  if (options.reason === 'signed-out') params.set('signed-out', '1');
  if (options.reason === 'erased') params.set('erased', '1');
  const next = safeNextPath(options.next);
  if (next && next !== '/') params.set('next', next);
  const qs = params.toString();
  return `${paths.signIn}${qs ? `?${qs}` : ''}`;
}
