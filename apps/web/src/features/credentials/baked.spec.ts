import { describe, expect, it } from 'vitest';
import { chunk, concat, itxt, latin1, png, svg } from '../../test/baked-badges';
import { credentialFromFile, MAX_FILE_BYTES, parseCredential, pngCredential, svgCredential } from './baked';

// A credential as Dari issues one, cut down: what matters here is that it comes out byte for byte.
const CREDENTIAL = JSON.stringify({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:web:learn.example.org', type: ['Profile'], name: '배움터' },
  credentialSubject: { type: ['AchievementSubject'], name: '새별 ☆', achievement: { name: '일터의 권리' } },
  proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z3FXQ…' },
});

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
