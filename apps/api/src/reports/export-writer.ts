import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
import { z } from 'zod';
import { localeSchema, type Locale } from '@dari/contracts';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { EXPORT_LABELS, type ExportLabels } from './export-labels.js';

/*
 * Report exports as a manager opens them in Excel: headers and values in their language, shares as
 * percentages, moments in Korea time as dates Excel recognises, and a file name with the report's
 * name and the day. CSV (UTF-8 with a BOM, so Korean Excel reads it right) or .xlsx (typed cells,
 * written with exceljs's streaming WorkbookWriter so 100k rows never sit in memory). Both stream:
 * rows are pulled from an async source one at a time and the writer waits while the reader is slow.
 */

/** `?format=csv|xlsx&lang=ko|en|zh` on every export; both optional. */
export const exportQuerySchema = z.strictObject({
  format: z.enum(['csv', 'xlsx']).optional(),
  lang: localeSchema.optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
export type ExportFormat = 'csv' | 'xlsx';

/** How a column's values are written. */
export type ColumnKind =
  | 'text'
  | 'integer'
  /** A share from 0 to 1: "38%" in CSV, a number with a 0% format in Excel. */
  | 'percent'
  /** A moment (Date or ISO string): Korea time, "2026-12-07 14:05"; a date cell in Excel. */
  | 'datetime'
  /** true/false as the language's yes/no. */
  | 'yesno'
  /** An enrolment status code, in words. */
  | 'status';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
  /** Excel column width in characters (a guess by kind when not given). */
  width?: number;
}
export type ExportValue = string | number | boolean | Date | null | undefined;

export interface ExportTable {
  columns: readonly ExportColumn[];
  rows: AsyncIterable<readonly ExportValue[]> | Iterable<readonly ExportValue[]>;
}

export const KOREA_TIME_ZONE = 'Asia/Seoul';
const KOREA_OFFSET_MS = 9 * 60 * 60 * 1000; // Korea has no daylight saving time

/** A moment as Korea's wall-clock time, "2026-12-07 14:05": Excel takes it for a date and time. */
export function koreaDateTime(value: Date | string): string {
  return koreaWallClock(value).toISOString().slice(0, 16).replace('T', ' ');
}

/** Today in Korea, "2026-12-07". */
export function koreaToday(now = new Date()): string {
  return koreaDateTime(now).slice(0, 10);
}

/**
 * A Date whose UTC fields are Korea's wall-clock time. Excel dates have no time zone: exceljs writes
 * a Date's UTC fields, so this is the Date that shows as the Korean time in the cell.
 */
function koreaWallClock(value: Date | string): Date {
  return new Date(new Date(value).getTime() + KOREA_OFFSET_MS);
}

function csvValue(kind: ColumnKind, value: ExportValue, labels: ExportLabels): string | number {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'percent':
      return `${Math.round(Number(value) * 100)}%`;
    case 'datetime':
      return koreaDateTime(value as Date | string);
    case 'yesno':
      return value ? labels.yes : labels.no;
    case 'status':
      return (labels.statuses as Partial<Record<string, string>>)[String(value)] ?? String(value);
    case 'integer':
      return Number(value);
    default:
      return String(value);
  }
}

function xlsxValue(kind: ColumnKind, value: ExportValue, labels: ExportLabels): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'percent':
      return Number(value);
    case 'datetime':
      return koreaWallClock(value as Date | string);
    case 'integer':
      return Number(value);
    default:
      return csvValue(kind, value, labels);
  }
}

const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  percent: '0%',
  datetime: 'yyyy-mm-dd hh:mm',
  integer: '0',
};
const WIDTH: Record<ColumnKind, number> = {
  text: 24,
  integer: 10,
  percent: 10,
  datetime: 17,
  yesno: 8,
  status: 12,
};

/** Writes the table as CSV with a BOM, pulling rows only as fast as the reader takes them. */
export function csvStream(table: ExportTable, locale: Locale): Readable {
  const labels = EXPORT_LABELS[locale];
  const { columns } = table;
  async function* lines() {
    yield columns.map((c) => c.header);
    for await (const row of table.rows) yield columns.map((c, i) => csvValue(c.kind, row[i], labels));
  }
  return Readable.from(lines()).pipe(stringify({ bom: true }));
}

/**
 * Writes the table as an .xlsx workbook, one sheet, streamed: each row is committed (written to the
 * zip) as it comes, and the source is not read further while the output is over its high-water mark.
 */
export function xlsxStream(table: ExportTable, locale: Locale, sheetName: string): Readable {
  const labels = EXPORT_LABELS[locale];
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({
    key: String(i),
    width: c.width ?? Math.max(WIDTH[c.kind], Math.min(40, c.header.length + 2)),
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  const write = async () => {
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const row of table.rows) {
      sheet.addRow(table.columns.map((c, i) => xlsxValue(c.kind, row[i], labels))).commit();
      // Back-pressure: let the reader catch up before producing more.
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Dari';
}

/**
 * `attachment` with the file's real name (RFC 6266/5987 `filename*`, UTF-8, so "1기 진도 2026-12-07.xlsx"
 * arrives as is) and an ASCII-only `filename` for old clients ("progress-2026-12-07.xlsx").
 */
export function contentDisposition(name: string, asciiName: string, ext: ExportFormat): string {
  const clean = (s: string) =>
    s
      // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not carry
      .replace(/[\u0000-\u001f\u007f"\\/:*?<>|]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const full = `${clean(name) || 'dari'}.${ext}`;
  const ascii =
    clean(asciiName)
      .replace(/[^A-Za-z0-9._ -]/g, '')
      .replace(/\s+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '') || 'dari';
  const encoded = encodeURIComponent(full).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}.${ext}"; filename*=UTF-8''${encoded}`;
}

export const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The body and headers of one export. */
export function exportResponse(
  table: ExportTable,
  options: { format: ExportFormat; locale: Locale; name: string; asciiName: string; sheetName: string },
): { body: Readable; headers: Record<string, string> } {
  const body =
    options.format === 'xlsx' ? xlsxStream(table, options.locale, options.sheetName) : csvStream(table, options.locale);
  return {
    body,
    headers: {
      'content-type': CONTENT_TYPE[options.format],
      'content-disposition': contentDisposition(options.name, options.asciiName, options.format),
    },
  };
}
