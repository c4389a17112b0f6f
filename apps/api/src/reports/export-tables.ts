import type { CourseReport, DraftText, Locale, ProgramReport } from '@dari/contracts';
import { EXPORT_LABELS, titleIn } from './export-labels.js';
import { koreaToday, type ExportTable } from './export-writer.js';

/*
 * The three report exports as typed tables (see export-writer.ts for how each kind is written). The
 * reports service supplies the data; these decide the columns, in the manager's language.
 */

export interface ExportFile {
  table: ExportTable;
  /** The file's name without extension, in the manager's language: "1기 진도 2026-12-07". */
  name: string;
  /** An ASCII-only fallback name: "progress-2026-12-07". */
  asciiName: string;
  sheetName: string;
}

/** One learner's row of a cohort export: a cell per course, in the order of `courses`; null = not enrolled. */
export interface CohortExportRow {
  displayName: string;
  lastActive: Date | null;
  atRisk: boolean;
  cells: readonly ({ percent: number; status: string; overdue: boolean } | null)[];
}

const asciiPart = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function cohortExport(
  cohort: { name: string },
  courses: readonly { title: DraftText; slug?: string }[],
  rows: AsyncIterable<CohortExportRow> | Iterable<CohortExportRow>,
  locale: Locale,
  now = new Date(),
): ExportFile {
  const l = EXPORT_LABELS[locale];
  const titles = courses.map((c) => titleIn(c.title, locale));
  async function* typed() {
    for await (const r of rows) {
      yield [
        r.displayName,
        r.lastActive,
        r.atRisk,
        ...r.cells.flatMap((c) => (c ? [c.percent / 100, c.status, c.overdue] : [0, 'not_enrolled', false])),
      ];
    }
  }
  const day = koreaToday(now);
  return {
    table: {
      columns: [
        { header: l.cohort.learner, kind: 'text' },
        { header: l.cohort.lastActive, kind: 'datetime' },
        { header: l.cohort.atRisk, kind: 'yesno' },
        ...titles.flatMap((t) => [
          { header: l.cohort.percent(t), kind: 'percent' as const },
          { header: l.cohort.status(t), kind: 'status' as const },
          { header: l.cohort.overdue(t), kind: 'yesno' as const },
        ]),
      ],
      rows: typed(),
    },
    name: `${cohort.name} ${l.cohort.file} ${day}`,
    asciiName: [asciiPart(cohort.name), 'progress', day].filter(Boolean).join('-'),
    sheetName: l.cohort.file,
  };
}

export function programExport(r: ProgramReport, locale: Locale, now = new Date()): ExportFile {
  const l = EXPORT_LABELS[locale];
  const s = l.program.scopes;
  const day = koreaToday(now);
  return {
    table: {
      columns: [
        { header: l.program.scope, kind: 'text' },
        { header: l.program.name, kind: 'text', width: 30 },
        { header: l.program.learners, kind: 'integer' },
        { header: l.program.enrolments, kind: 'integer' },
        { header: l.program.completions, kind: 'integer' },
        { header: l.program.completionRate, kind: 'percent' },
      ],
      rows: [
        [s.program, '', r.learners, r.enrolments, r.completions, r.completionRate],
        ...r.cohorts.map((c) => [s.cohort, c.name, c.learners, c.enrolments, c.completions, c.completionRate]),
        ...r.courses.map((c) => [
          s.course,
          titleIn(c.title, locale),
          null,
          c.enrolments,
          c.completions,
          c.completionRate,
        ]),
      ],
    },
    name: `${l.program.file} ${day}`,
    asciiName: `programme-summary-${day}`,
    sheetName: l.program.file,
  };
}

export function courseExport(r: CourseReport, locale: Locale, now = new Date()): ExportFile {
  const l = EXPORT_LABELS[locale];
  const day = koreaToday(now);
  const title = titleIn(r.course.title, locale);
  const lessonTitle = (id: string) => {
    const lesson = r.lessons.find((x) => x.lessonId === id);
    return lesson ? titleIn(lesson.title, locale) : '';
  };
  return {
    table: {
      columns: [
        { header: l.course.lesson, kind: 'text', width: 30 },
        { header: l.course.kind, kind: 'text', width: 12 },
        { header: l.course.started, kind: 'integer' },
        { header: l.course.completed, kind: 'integer' },
        { header: l.course.question, kind: 'text', width: 40 },
        { header: l.course.answers, kind: 'integer' },
        { header: l.course.correctShare, kind: 'percent' },
      ],
      rows: [
        ...r.lessons.map((x) => [
          titleIn(x.title, locale),
          l.lessonKinds[x.kind] ?? x.kind,
          x.started,
          x.completed,
          null,
          null,
          null,
        ]),
        ...r.questions.map((q) => [
          lessonTitle(q.lessonId),
          l.lessonKinds.quiz,
          null,
          null,
          titleIn(q.prompt, locale),
          q.answers,
          q.correctShare,
        ]),
      ],
    },
    name: `${title} ${l.course.file} ${day}`,
    asciiName: [asciiPart(title), 'course-report', day].filter(Boolean).join('-'),
    sheetName: l.course.file,
  };
}
