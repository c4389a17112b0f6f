import { crc32, deflateSync } from 'node:zlib';
import { encode } from 'uqr';

/* Open Badges 3.0 baking: the credential inside the badge image (SVG element or PNG iTXt chunk). */

const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ESCAPES[c] ?? c);

/** Splits a long title over at most three lines of about `width` characters (Hangul and Han are wide). */
function lines(title: string, width = 14): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/).filter(Boolean)) {
    if (line && Array.from(`${line} ${word}`).length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length > 3) out.splice(2, out.length - 2, `${out[2]}…`);
  return out;
}

/** An SVG badge showing the course title, with the credential baked in (`<openbadges:credential>`, CDATA). */
export function bakeSvg(courseTitle: string, credentialJson: string): string {
  const text = lines(courseTitle)
    .map((l, i, all) => `<tspan x="120" y="${128 + (i - (all.length - 1) / 2) * 22}">${xml(l)}</tspan>`)
    .join('');
  // "]]>" cannot appear inside CDATA: split it over two sections.
  const cdata = credentialJson.replace(/]]>/g, ']]]]><![CDATA[>');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" width="240" height="240" viewBox="0 0 240 240" role="img" aria-label="${xml(courseTitle)}">
<openbadges:credential><![CDATA[${cdata}]]></openbadges:credential>
<circle cx="120" cy="120" r="114" fill="#1d4e89" stroke="#f2c14e" stroke-width="8"/>
<text font-family="sans-serif" font-size="18" font-weight="700" fill="#ffffff" text-anchor="middle">${text}</text>
</svg>
`;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([head, body, crc]);
}

/* A 5×7 pixel font for what the PNG writes: the certificate code (capital letters, digits, '-'). */
const GLYPHS: Record<string, string> = {
  A: '01110100011000111111100011000110001',
  B: '11110100011000111110100011000111110',
  C: '01110100011000010000100001000101110',
  D: '11110100011000110001100011000111110',
  E: '11111100001000011110100001000011111',
  F: '11111100001000011110100001000010000',
  G: '01110100011000010111100011000101111',
  H: '10001100011000111111100011000110001',
  I: '01110001000010000100001000010001110',
  J: '00111000100001000010000101001001100',
  K: '10001100101010011000101001001010001',
  L: '10000100001000010000100001000011111',
  M: '10001110111010110101100011000110001',
  N: '10001110011010110011100011000110001',
  O: '01110100011000110001100011000101110',
  P: '11110100011000111110100001000010000',
  Q: '01110100011000110001101011001001101',
  R: '11110100011000111110101001001010001',
  S: '01111100001000001110000010000111110',
  T: '11111001000010000100001000010000100',
  U: '10001100011000110001100011000101110',
  V: '10001100011000110001100010101000100',
  W: '10001100011000110101101011010101010',
  X: '10001100010101000100010101000110001',
  Y: '10001100010101000100001000010000100',
  Z: '11111000010001000100010001000011111',
  '0': '01110100011001110101110011000101110',
  '1': '00100011000010000100001000010001110',
  '2': '01110100010000100010001000100011111',
  '3': '11111000100010000010000011000101110',
  '4': '00010001100101010010111110001000010',
  '5': '11111100001111000001000011000101110',
  '6': '00110010001000011110100011000101110',
  '7': '11111000010001000100010000100001000',
  '8': '01110100011000101110100011000101110',
  '9': '01110100011000101111000010001001100',
  '-': '00000000000000011111000000000000000',
};

type Rgba = readonly [number, number, number, number];
const CLEAR: Rgba = [0, 0, 0, 0];
const GOLD: Rgba = [0xf2, 0xc1, 0x4e, 255];
const BLUE: Rgba = [0x1d, 0x4e, 0x89, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const BLACK: Rgba = [0, 0, 0, 255];
const SIZE = 300;

/**
 * The PNG badge's picture, drawn in code (no font or image library): a round badge in Dari's colours,
 * a QR code of the certificate's verify address on white, and the certificate code under it. The
 * course title is not drawn: Korean and Chinese text needs fonts this server does not carry (it is in
 * the credential, and on the SVG badge, which the viewer's fonts draw).
 */
function drawPng(code: string, verifyUrl: string): Buffer {
  const stride = SIZE * 4 + 1;
  const raw = Buffer.alloc(stride * SIZE);
  const put = (x: number, y: number, c: Rgba) => {
    if (x >= 0 && y >= 0 && x < SIZE && y < SIZE) raw.set(c, y * stride + 1 + x * 4);
  };
  const c = (SIZE - 1) / 2;
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      const d = Math.hypot(x - c, y - c);
      put(x, y, d > 148 ? CLEAR : d > 136 ? GOLD : BLUE);
    }
  // The QR code (medium error correction, the standard quiet zone of 4 modules), 3 px a module.
  const qr = encode(verifyUrl, { ecc: 'M', border: 4 });
  const scale = Math.max(1, Math.min(3, Math.floor(150 / qr.size)));
  const side = qr.size * scale;
  const left = Math.round((SIZE - side) / 2);
  const top = Math.round(c - 14 - side / 2);
  qr.data.forEach((row, my) =>
    row.forEach((dark, mx) => {
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) put(left + mx * scale + dx, top + my * scale + dy, dark ? BLACK : WHITE);
    }),
  );
  // The certificate code, 2 px a font pixel, centred under the QR code.
  const text = Array.from(code).filter((ch) => ch in GLYPHS);
  const width = text.length * 12 - 2;
  const x0 = Math.round((SIZE - width) / 2);
  const y0 = top + side + 10;
  text.forEach((ch, i) => {
    const bits = GLYPHS[ch] ?? '';
    for (let gy = 0; gy < 7; gy++)
      for (let gx = 0; gx < 5; gx++)
        if (bits[gy * 5 + gx] === '1')
          for (let d = 0; d < 4; d++) put(x0 + i * 12 + gx * 2 + (d % 2), y0 + gy * 2 + (d >> 1), WHITE);
  });
  for (let y = 0; y < SIZE; y++) raw[y * stride] = 0; // filter: none
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The PNG badge (the certificate code and a QR code of its verify address) with an `iTXt` chunk,
 * keyword `openbadgecredential`, holding the credential (uncompressed UTF-8).
 */
export function bakePng(credentialJson: string, face: { code: string; verifyUrl: string }): Buffer {
  const png = drawPng(face.code, face.verifyUrl);
  const iend = png.length - 12;
  const data = Buffer.concat([
    Buffer.from('openbadgecredential\0', 'latin1'),
    Buffer.from([0, 0]), // not compressed, method 0
    Buffer.from('\0\0', 'latin1'), // no language tag, no translated keyword
    Buffer.from(credentialJson, 'utf8'),
  ]);
  return Buffer.concat([png.subarray(0, iend), chunk('iTXt', data), png.subarray(iend)]);
}
