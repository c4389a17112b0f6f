import { parse } from 'csv-parse/sync';
import { displayNameSchema, localeSchema, usernameSchema, type FieldError, type Locale } from '@dari/contracts';
import { AppException } from '../common/errors/app-exception.js';

export const MAX_IMPORT_ROWS = 2000;

/**
 * Signs that a CSV's bytes were decoded in the wrong encoding: U+FFFD (what a UTF-8 decoder makes of
 * CP949 bytes), C1 control characters, and UTF-8 read as Latin-1/Windows-1252 ("í•˜ëŠ˜" for 하늘: a
 * lead byte's letter followed by a continuation byte's symbol). Real names never contain these.
 */
export const MISDECODED =
  /[\uFFFD\u0080-\u009F]|[\u00C2-\u00F4][\u00A1-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/u;
const MISDECODED_MESSAGE =
  'contains characters from a wrong text encoding (such as U+FFFD): save the file as "CSV UTF-8" and choose it again';

export interface ImportRow {
  username: string;
  displayName: string;
  locale: Locale;
  line: number;
}

/**
 * Reads a learner CSV (username, displayName, language) and checks every row; any problem is thrown
 * by line (400) before anything is created. `taken` answers which usernames already have accounts.
 */
export async function readLearnerCsv(
  csv: string,
  taken: (usernames: string[]) => Promise<string[]>,
): Promise<ImportRow[]> {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (e) {
    throw AppException.validation([
      { path: 'body.csv', message: `is not readable CSV: ${(e as Error).message.split('\n')[0].slice(0, 200)}` },
    ]);
  }
  // An empty file has no header row.
  const header = records.at(0);
  const rows = records.slice(1);
  const cols = (header ?? []).map((h) => h.toLowerCase().replace(/[\s_-]/g, ''));
  const ui = cols.indexOf('username');
  const di = cols.findIndex((c) => c === 'displayname' || c === 'name');
  const li = cols.findIndex((c) => c === 'language' || c === 'locale');
  if (ui < 0 || di < 0)
    throw AppException.validation([
      {
        path: 'body.csv',
        message: 'needs a header row with the columns username and displayName (and optionally language)',
      },
    ]);
  if (!rows.length) throw AppException.validation([{ path: 'body.csv', message: 'has no rows below the header' }]);
  if (rows.length > MAX_IMPORT_ROWS)
    throw AppException.validation([
      { path: 'body.csv', message: `has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} at a time` },
    ]);
  const errors: FieldError[] = [];
  const parsed: ImportRow[] = [];
  const seen = new Map<string, number>();
  // Text a program decoded in the wrong encoding (Korean Excel's CP949 read as UTF-8 turns 하늘 into
  // "�ϴ�"): refused by line and field, before anything else, so no account gets a name no one can read.
  const misread: FieldError[] = [];
  [header ?? [], ...rows].forEach((r, i) => {
    const field = (c: number) =>
      c === ui ? 'username' : c === di ? 'displayName' : c === li ? 'language' : `column${c + 1}`;
    r.forEach((cell, c) => {
      if (MISDECODED.test(cell))
        misread.push({ path: `csv.line.${i + 1}.${i === 0 ? 'header' : field(c)}`, message: MISDECODED_MESSAGE });
    });
  });
  if (misread.length) {
    throw new AppException(
      400,
      'validation_failed',
      `The CSV was read in the wrong text encoding (line ${misread[0].path.split('.')[2]}); nothing was created. Save it as "CSV UTF-8" and try again.`,
      misread,
    );
  }
  rows.forEach((r, i) => {
    const line = i + 2;
    const u = usernameSchema.safeParse(r[ui] ?? '');
    const d = displayNameSchema.safeParse(r[di] ?? '');
    const l = localeSchema.safeParse((li >= 0 && r[li]) || 'ko');
    if (!u.success) errors.push({ path: `csv.line.${line}.username`, message: u.error.issues[0].message });
    if (!d.success) errors.push({ path: `csv.line.${line}.displayName`, message: d.error.issues[0].message });
    if (!l.success) errors.push({ path: `csv.line.${line}.language`, message: 'must be ko, en or zh' });
    if (u.success) {
      if (seen.has(u.data))
        errors.push({ path: `csv.line.${line}.username`, message: `is the same as on line ${seen.get(u.data)}` });
      else seen.set(u.data, line);
    }
    if (u.success && d.success && l.success)
      parsed.push({ username: u.data, displayName: d.data, locale: l.data, line });
  });
  if (parsed.length) {
    for (const username of await taken(parsed.map((p) => p.username))) {
      const first = parsed.find((p) => p.username === username);
      if (first) errors.push({ path: `csv.line.${first.line}.username`, message: 'is already taken' });
    }
  }
  if (errors.length) {
    errors.sort((a, b) => Number(a.path.split('.')[2]) - Number(b.path.split('.')[2]));
    throw new AppException(
      400,
      'validation_failed',
      `${errors.length} problem${errors.length > 1 ? 's' : ''} in the CSV; nothing was created. First: line ${errors[0].path.split('.')[2]}: ${errors[0].message}`,
      errors,
    );
  }
  return parsed;
}
