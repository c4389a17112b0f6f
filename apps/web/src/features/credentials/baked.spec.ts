import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { credentialFromFile, MAX_FILE_BYTES, parseCredential, pngCredential, svgCredential } from './baked';

// A credential as Dari issues one, cut down: what matters here is that it comes out byte for byte.
const CREDENTIAL = JSON.stringify({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:web:learn.example.org', type: ['Profile'], name: '배움터' },
  credentialSubject: { type: ['AchievementSubject'], name: '새별 ☆', achievement: { name: '일터의 권리' } },
  proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z3FXQ…' },
});

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(latin1(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An iTXt chunk as the PNG spec lays it out: keyword, 0, flag, method, language, 0, translated keyword, 0, text. */
function itxt(keyword: string, text: string, compressed = false): Uint8Array {
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
function png(...extra: Uint8Array[]): Uint8Array {
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

const svg = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" width="120" height="120">
  ${inner}
  <circle cx="60" cy="60" r="50" fill="#2a6"/>
</svg>`;

const file = (bytes: Uint8Array | string, name: string) => new File([bytes as BlobPart], name);

describe('a credential baked into a PNG badge', () => {
  it('comes out of the iTXt chunk with the keyword openbadgecredential, byte for byte', async () => {
    expect(await pngCredential(png(itxt('openbadgecredential', CREDENTIAL)))).toBe(CREDENTIAL);
    expect(await credentialFromFile(file(png(itxt('openbadgecredential', CREDENTIAL)), 'badge.png'))).toEqual({
      ok: true,
      text: CREDENTIAL,
    });
  });

  it('also when the chunk is compressed', async () => {
    expect(await pngCredential(png(itxt('openbadgecredential', CREDENTIAL, true)))).toBe(CREDENTIAL);
  });

  it('a PNG without one, or with it after IEND or cut short, holds no credential', async () => {
    expect(await credentialFromFile(file(png(), 'plain.png'))).toEqual({ ok: false, reason: 'no-credential' });
    const afterEnd = concat(png(), itxt('openbadgecredential', CREDENTIAL));
    expect(await pngCredential(afterEnd)).toBeNull();
    const baked = png(itxt('openbadgecredential', CREDENTIAL));
    expect(await pngCredential(baked.subarray(0, 60))).toBeNull();
  });

  it('a chunk whose text is not UTF-8 is not read as one', async () => {
    const bad = chunk('iTXt', concat(latin1('openbadgecredential'), Uint8Array.of(0, 0, 0, 0, 0, 0xff, 0xfe)));
    expect(await credentialFromFile(file(png(bad), 'bad.png'))).toEqual({ ok: false, reason: 'no-credential' });
  });
});

describe('a credential baked into an SVG badge', () => {
  it('is the text of the openbadges:credential element (CDATA)', async () => {
    const source = svg(`<openbadges:credential><![CDATA[${CREDENTIAL}]]></openbadges:credential>`);
    expect(svgCredential(source)).toBe(CREDENTIAL);
    expect(await credentialFromFile(file(source, 'badge.svg'))).toEqual({ ok: true, text: CREDENTIAL });
  });

  it('or escaped text, or a compact JWS in its verify attribute', () => {
    const escaped = CREDENTIAL.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    expect(svgCredential(svg(`<openbadges:credential>${escaped}</openbadges:credential>`))).toBe(CREDENTIAL);
    expect(svgCredential(svg('<openbadges:credential verify="eyJhbGciOi.e30.sig"/>'))).toBe('eyJhbGciOi.e30.sig');
  });

  it('an element of another namespace with the same local name does not count; nor does a broken SVG', async () => {
    const other = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="urn:other"><x:credential>${CREDENTIAL}</x:credential></svg>`;
    expect(svgCredential(other)).toBeNull();
    expect(svgCredential('<svg><openbadges:credential>')).toBeNull();
    expect(await credentialFromFile(file(svg(''), 'plain.svg'))).toEqual({ ok: false, reason: 'no-credential' });
  });
});

describe('other files', () => {
  it('a .json file is its own text', async () => {
    expect(await credentialFromFile(file(`\uFEFF${CREDENTIAL}\n`, 'credential.json'))).toEqual({
      ok: true,
      text: `${CREDENTIAL}\n`,
    });
  });

  it('an empty file, a binary that is not a PNG, a file over the limit: each says why', async () => {
    expect(await credentialFromFile(file('', 'empty.json'))).toEqual({ ok: false, reason: 'no-credential' });
    expect(await credentialFromFile(file(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x80), 'photo.jpg'))).toEqual({
      ok: false,
      reason: 'no-credential',
    });
    expect(await credentialFromFile(file(new Uint8Array(MAX_FILE_BYTES + 1), 'big.json'))).toEqual({
      ok: false,
      reason: 'too-large',
    });
  });

  it('only a JSON object is sent to be checked', () => {
    expect(parseCredential(CREDENTIAL)).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'] });
    expect(parseCredential('[1, 2]')).toBeNull();
    expect(parseCredential('"text"')).toBeNull();
    expect(parseCredential('{ not json')).toBeNull();
    expect(parseCredential('eyJhbGciOi.e30.sig')).toBeNull();
  });
});
