/**
 * Reading an Open Badges 3.0 credential out of what a person has: a .json file, or a badge image with
 * the credential "baked" in (OB 3.0 §5.3): in an SVG, the text of an `<openbadges:credential>` element;
 * in a PNG, an `iTXt` chunk with the keyword `openbadgecredential`. Done in the browser, so the picture
 * itself never leaves the phone — only the credential text is sent to be checked.
 */

export const OB3_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
export const PNG_KEYWORD = 'openbadgecredential';
/** Far above any badge Dari bakes (a few KiB); a bigger file is refused before it is read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export type ExtractFailure = 'too-large' | 'no-credential' | 'unreadable';
export type Extracted = { ok: true; text: string } | { ok: false; reason: ExtractFailure };

const fail = (reason: ExtractFailure): Extracted => ({ ok: false, reason });

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  // iTXt's compression method 0 is zlib ("deflate" in the Compression Streams API).
  const input = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(data.slice());
      controller.close();
    },
  });
  return new Uint8Array(await new Response(input.pipeThrough(new DecompressionStream('deflate'))).arrayBuffer());
}

/**
 * The text of the first `iTXt` chunk whose keyword is `openbadgecredential`, or null. Walks the chunk
 * list by the lengths it declares and stops at IEND or at a length that runs past the end of the file.
 */
export async function pngCredential(bytes: Uint8Array): Promise<string | null> {
  if (!isPng(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const latin1 = new TextDecoder('latin1');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = latin1.decode(bytes.subarray(at + 4, at + 8));
    const start = at + 8;
    const end = start + length;
    if (end + 4 > bytes.length) return null;
    if (type === 'IEND') return null;
    if (type === 'iTXt') {
      const data = bytes.subarray(start, end);
      const keywordEnd = data.indexOf(0);
      if (keywordEnd > 0 && latin1.decode(data.subarray(0, keywordEnd)) === PNG_KEYWORD) {
        const compressed = data[keywordEnd + 1] === 1;
        // After the flag and the method: a language tag and a translated keyword, each ending in a zero byte.
        const languageEnd = data.indexOf(0, keywordEnd + 3);
        const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
        if (translatedEnd < 0) return null;
        const text = data.subarray(translatedEnd + 1);
        return utf8.decode(compressed ? await inflate(text) : text);
      }
    }
    at = end + 4; // past the CRC
  }
  return null;
}

/** The text of the `<openbadges:credential>` element of an SVG, or null. The SVG is parsed, never shown. */
export function svgCredential(source: string): string | null {
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return null;
  // By namespace, not by prefix: an undeclared prefix is a parse error, another namespace is not ours.
  const element = doc.getElementsByTagNameNS(OB3_NAMESPACE, 'credential').item(0);
  if (!element) return null;
  const text = element.textContent.trim();
  // The credential may also be given by reference only (a `verify` attribute holding a compact JWS).
  return text || element.getAttribute('verify') || null;
}

/** What a chosen file holds: a JSON credential as is, or the credential baked into a PNG or SVG badge. */
export async function credentialFromFile(file: Blob): Promise<Extracted> {
  if (file.size > MAX_FILE_BYTES) return fail('too-large');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return fail('unreadable');
  }
  try {
    if (isPng(bytes)) {
      const text = await pngCredential(bytes);
      return text ? { ok: true, text } : fail('no-credential');
    }
    const source = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    const start = source.trimStart();
    if (start.startsWith('<')) {
      const text = svgCredential(source);
      return text ? { ok: true, text } : fail('no-credential');
    }
    return start ? { ok: true, text: source } : fail('no-credential');
  } catch {
    // Not UTF-8 text nor a PNG (a JPEG, a PDF…), or a broken compressed chunk.
    return fail('no-credential');
  }
}

/**
 * A compact JWS (`header.payload.signature`, base64url): a VC-JOSE/JWT credential, or what an OB 3.0 SVG
 * may carry in its `verify` attribute. Dari checks Data Integrity JSON only, so the page says the format
 * is not supported rather than "not a credential".
 */
export function isCompactJws(text: string): boolean {
  return /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{2,}$/.test(text.trim());
}

/** A credential's JSON, or null when the text is not a JSON object (then nothing is sent to be checked). */
export function parseCredential(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
