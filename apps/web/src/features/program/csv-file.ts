/**
 * Reads a learner CSV from its bytes, never with `file.text()`: that decodes everything as UTF-8, so a
 * file Korean Excel saved as "CSV (쉼표로 분리)" — CP949 — turns 하늘 into "�ϴ�" without a word.
 *
 * UTF-8 (with or without a BOM, which is dropped) is tried first and strictly; only bytes that are not
 * valid UTF-8 are read as 'euc-kr', which browsers and Node implement as Windows-949 (CP949, a superset
 * of EUC-KR). Valid Korean UTF-8 is almost never valid CP949 text by accident and vice versa, but the
 * manager still sees the decoded names before anything is created. UTF-16 (Excel's "Unicode Text", which
 * is also tab-separated) and workbooks are refused with a way out, not guessed at.
 */
export type CsvDecoding =
  { ok: true; text: string; encoding: 'utf-8' | 'cp949' } | { ok: false; reason: 'utf16' | 'spreadsheet' | 'unknown' };

const starts = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export function decodeCsvBytes(bytes: Uint8Array): CsvDecoding {
  if (starts(bytes, [0xff, 0xfe]) || starts(bytes, [0xfe, 0xff])) return { ok: false, reason: 'utf16' };
  // .xlsx is a zip; .xls an OLE compound file.
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) || starts(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return { ok: false, reason: 'spreadsheet' };
  // NUL bytes: UTF-16 without a BOM, or not text at all. No CSV of names contains one.
  if (bytes.includes(0)) return { ok: false, reason: 'unknown' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try Korean Windows below
  }
  try {
    return { ok: true, text: new TextDecoder('euc-kr', { fatal: true }).decode(bytes), encoding: 'cp949' };
  } catch {
    // not CP949 either (or a runtime without it)
  }
  return { ok: false, reason: 'unknown' };
}

/** The translation key of the message for a refused file. */
export const CSV_REFUSAL_KEYS = {
  utf16: 'program.import.fileUtf16',
  spreadsheet: 'program.import.fileSpreadsheet',
  unknown: 'program.import.fileEncoding',
} as const;
