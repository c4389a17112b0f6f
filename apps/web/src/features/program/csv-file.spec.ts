import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from './csv-file';

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
// 하늘 and 바다 as Korean Excel's "CSV (쉼표로 분리)" writes them: CP949.
const HANEUL_CP949 = [0xc7, 0xcf, 0xb4, 0xc3];
const BADA_CP949 = [0xb9, 0xd9, 0xb4, 0xd9];

describe('reading a learner CSV from its bytes', () => {
  it('reads CP949 (Korean Excel) as Korean, not as replacement characters', () => {
    const bytes = Uint8Array.from([...HANEUL_CP949, 0x2c, ...BADA_CP949]);
    // What file.text() did before: every name lost.
    expect(new TextDecoder().decode(bytes)).toContain('\uFFFD');
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: '하늘,바다', encoding: 'cp949' });
  });

  it('reads UTF-8 with or without a BOM as UTF-8, dropping the BOM', () => {
    const utf8 = new TextEncoder().encode('username,displayName\nhaneul,하늘\n');
    expect(decodeCsvBytes(utf8)).toEqual({ ok: true, text: 'username,displayName\nhaneul,하늘\n', encoding: 'utf-8' });
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      ok: true,
      text: 'username,displayName\nhaneul,하늘\n',
      encoding: 'utf-8',
    });
  });

  it('refuses UTF-16 (with a BOM, or without one: NUL bytes) and Excel workbooks instead of guessing', () => {
    const utf16le = [0xff, 0xfe, ...Array.from('하늘').flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])];
    expect(decodeCsvBytes(Uint8Array.from(utf16le))).toEqual({ ok: false, reason: 'utf16' });
    expect(decodeCsvBytes(Uint8Array.from([0xfe, 0xff, 0xd5, 0x58]))).toEqual({ ok: false, reason: 'utf16' });
    expect(decodeCsvBytes(Uint8Array.from(ascii('a\u0000b\u0000')))).toEqual({ ok: false, reason: 'unknown' });
    expect(decodeCsvBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({
      ok: false,
      reason: 'spreadsheet',
    });
  });

  it('refuses bytes that are neither UTF-8 nor CP949 (here Latin-1 "José" ending the file)', () => {
    expect(decodeCsvBytes(Uint8Array.from([...ascii('name\nJos'), 0xe9]))).toEqual({ ok: false, reason: 'unknown' });
  });
});
