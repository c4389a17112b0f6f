import { crc32, deflateSync } from 'node:zlib';

// Badge images built byte by byte for the tests: a real PNG (chunks with their CRCs, pixels) and an SVG,
// with an Open Badges 3.0 credential baked in the way the specification says (OB 3.0 §5.3).

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(latin1(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An iTXt chunk as the PNG spec lays it out: keyword, 0, flag, method, language, 0, translated keyword, 0, text. */
export function itxt(keyword: string, text: string, compressed = false): Uint8Array {
  const body = compressed ? new Uint8Array(deflateSync(utf8(text))) : utf8(text);
  return chunk(
    'iTXt',
    concat(
      latin1(keyword),
      Uint8Array.of(0, compressed ? 1 : 0, 0),
      latin1('ko'),
      Uint8Array.of(0),
      Uint8Array.of(0),
      body,
    ),
  );
}

/** A real 1×1 white PNG (it opens in an image viewer), with the given chunks before its pixels. */
export function png(...extra: Uint8Array[]): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, 1);
  view.setUint32(4, 1);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return concat(
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    itxt('Comment', 'made for a test'), // another iTXt first: the keyword is what picks the chunk
    ...extra,
    chunk('IDAT', new Uint8Array(deflateSync(Uint8Array.of(0, 255, 255, 255)))),
    chunk('IEND', new Uint8Array()),
  );
}

/** An SVG badge that declares the Open Badges namespace; `inner` goes inside it. */
export const svg = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" width="120" height="120">
  ${inner}
  <circle cx="60" cy="60" r="50" fill="#2a6"/>
</svg>`;

/** A PNG badge with `credential` baked into an iTXt chunk (keyword openbadgecredential). */
export const bakedPng = (credential: string) => png(itxt('openbadgecredential', credential));
/** An SVG badge with `credential` in its openbadges:credential element. */
export const bakedSvg = (credential: string) =>
  svg(`<openbadges:credential><![CDATA[${credential}]]></openbadges:credential>`);
