import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contentDisposition, csvStream, koreaDateTime, xlsxStream, type ExportTable } from './export-writer.js';
import { cohortExport } from './export-tables.js';

async function bytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

// 2026-12-07 05:05 UTC = 14:05 in Seoul.
const table = (): ExportTable =>
  cohortExport(
    { name: '1기' },
    [{ title: { ko: '인권의 기초', en: 'Human rights basics' } }],
    [
      {
        displayName: '김민수',
        lastActive: new Date('2026-12-07T05:05:00Z'),
        atRisk: false,
        cells: [{ percent: 38, status: 'completed', overdue: false }],
      },
      { displayName: 'Lee', lastActive: null, atRisk: true, cells: [null] },
    ],
    'ko',
    new Date('2026-12-07T16:00:00Z'), // already 8 December in Korea
  ).table;

describe('report exports', () => {
  it('CSV: BOM, Korean headers and words, percentages, Korea time that Excel reads as a date', async () => {
    const buf = await bytes(csvStream(table(), 'ko'));
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buf.toString('utf8').slice(1).trim().split('\n');
    expect(lines[0]).toBe(
      '학습자,마지막으로 배운 때,도움 필요,인권의 기초 진도,인권의 기초 상태,인권의 기초 마감 지남',
    );
    expect(lines[1]).toBe('김민수,2026-12-07 14:05,아니요,38%,마침,아니요');
    expect(lines[2]).toBe('Lee,,예,0%,신청 안 함,아니요');
  });

  it('xlsx: opens with the same library — headers, a Korean name, a percent number, a date cell', async () => {
    const buf = await bytes(xlsxStream(table(), 'ko', '진도'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('진도')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '학습자',
      '마지막으로 배운 때',
      '도움 필요',
      '인권의 기초 진도',
      '인권의 기초 상태',
      '인권의 기초 마감 지남',
    ]);
    expect(sheet.getCell('A2').value).toBe('김민수');
    const when = sheet.getCell('B2');
    expect(when.type).toBe(ExcelJS.ValueType.Date);
    // Excel's date has no zone: it holds Korea's wall-clock time.
    expect((when.value as Date).toISOString()).toBe('2026-12-07T14:05:00.000Z');
    expect(when.numFmt).toBe('yyyy-mm-dd hh:mm');
    const share = sheet.getCell('D2');
    expect(share.type).toBe(ExcelJS.ValueType.Number);
    expect(share.value).toBe(0.38);
    expect(share.numFmt).toBe('0%');
    expect(sheet.getCell('E2').value).toBe('마침');
    expect(sheet.getCell('B3').value).toBeNull();
  });

  it('names the file by the report and the Korean day, with an ASCII fallback (RFC 5987)', () => {
    const file = cohortExport({ name: '1기 "봄"' }, [], [], 'ko', new Date('2026-12-07T16:00:00Z'));
    expect(file.name).toBe('1기 "봄" 진도 2026-12-08');
    expect(contentDisposition(file.name, file.asciiName, 'xlsx')).toBe(
      `attachment; filename="1-progress-2026-12-08.xlsx"; filename*=UTF-8''1%EA%B8%B0%20%EB%B4%84%20%EC%A7%84%EB%8F%84%202026-12-08.xlsx`,
    );
    expect(contentDisposition('Spring cohort progress 2026-12-08', 'Spring-cohort-progress-2026-12-08', 'csv')).toMatch(
      /^attachment; filename="Spring-cohort-progress-2026-12-08.csv"; filename\*=UTF-8''Spring%20cohort/,
    );
    expect(koreaDateTime('2026-12-31T15:30:00Z')).toBe('2027-01-01 00:30');
  });

  it('English and Chinese headers and words', () => {
    const en = cohortExport({ name: 'Spring' }, [{ title: { ko: '인권', en: 'Rights' } }], [], 'en').table;
    expect(en.columns.map((c) => c.header)).toEqual([
      'Learner',
      'Last active',
      'Needs help',
      'Rights: progress',
      'Rights: status',
      'Rights: past due',
    ]);
    const zh = cohortExport({ name: '春' }, [{ title: { ko: '인권' } }], [], 'zh').table;
    expect(zh.columns.map((c) => c.header)[0]).toBe('学员');
    expect(zh.columns.map((c) => c.header)[3]).toBe('인권 进度');
  });
});
