import { crc32, deflateSync } from 'node:zlib';

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

let template: Buffer | undefined;
/** The PNG badge (a fixed image: a ring in Dari's colours), drawn once; the title is in the credential and the SVG. */
function pngTemplate(): Buffer {
  if (template) return template;
  const size = 240;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - 119.5, y - 119.5);
      const [r, g, b, a] = d > 118 ? [0, 0, 0, 0] : d > 108 ? [0xf2, 0xc1, 0x4e, 255] : [0x1d, 0x4e, 0x89, 255];
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  template = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return template;
}

/** The PNG badge with an `iTXt` chunk, keyword `openbadgecredential`, holding the credential (uncompressed UTF-8). */
export function bakePng(credentialJson: string): Buffer {
  const png = pngTemplate();
  const iend = png.length - 12;
  const data = Buffer.concat([
    Buffer.from('openbadgecredential\0', 'latin1'),
    Buffer.from([0, 0]), // not compressed, method 0
    Buffer.from('\0\0', 'latin1'), // no language tag, no translated keyword
    Buffer.from(credentialJson, 'utf8'),
  ]);
  return Buffer.concat([png.subarray(0, iend), chunk('iTXt', data), png.subarray(iend)]);
}
