import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bundleManifestSchema,
  courseLanguages,
  mediaLessonSchema,
  quizSchema,
  type BundleManifest,
  type Locale,
} from '@dari/contracts';
import { GLOSSARY_FILE, starterCourseDirs } from './index.js';

// The starter curriculum must be valid bundles, complete, and meet the bar:
// at least 3 modules and 10 lessons with quizzes per course, Korean and English for every course and
// lesson, Chinese course titles and summaries, [[terms]] marked.
const dirs = starterCourseDirs();

/** What a check needs of a bundle folder: its files by path (a real folder, or a copy in memory). */
interface BundleFiles {
  exists(rel: string): boolean;
  read(rel: string): string;
}

const folderFiles = (dir: string): BundleFiles => ({
  exists: (rel) => existsSync(path.join(dir, rel)),
  read: (rel) => readFileSync(path.join(dir, rel), 'utf8'),
});

/** Every file of a bundle folder, in memory, so a test can take one away or change it. */
function filesInMemory(dir: string): Map<string, string> {
  const files = new Map<string, string>([['course.json', readFileSync(path.join(dir, 'course.json'), 'utf8')]]);
  for (const f of readdirSync(path.join(dir, 'lessons')))
    files.set(`lessons/${f}`, readFileSync(path.join(dir, 'lessons', f), 'utf8'));
  return files;
}

const memoryFiles = (files: Map<string, string>): BundleFiles => ({
  exists: (rel) => files.has(rel),
  read: (rel) => {
    const text = files.get(rel);
    if (text === undefined) throw new Error(`ENOENT: ${rel}`);
    return text;
  },
});

const GLOSSARY_TERMS = new Set(
  (JSON.parse(readFileSync(GLOSSARY_FILE, 'utf8')) as { term: string }[]).map((t) => t.term),
);
const HANGUL = /[\uac00-\ud7a3]/;

/**
 * What a course lacks in the languages it declares (`languages` in course.json, Korean only when absent):
 * course and module titles and the summary; each lesson's title and content note; the body of a reading,
 * reflection or media lesson (lessons/<key>.<lang>.md: non-empty, one final newline, no raw HTML); every
 * quiz prompt, option and explanation. In an English or Chinese body, a glossary link names the Korean
 * glossary term and then the shown text — [[전세|全租房]] — so the popover finds the entry ([[NGO]], a term
 * without Hangul, may stand alone).
 */
function missingInLanguages(files: BundleFiles): string[] {
  const manifest = bundleManifestSchema.parse(JSON.parse(files.read('course.json')));
  const problems: string[] = [];
  for (const lang of courseLanguages(manifest)) {
    const need = (text: { ko: string; en?: string; zh?: string } | null, where: string) => {
      if (text && !text[lang]?.trim()) problems.push(`${where}.${lang}`);
    };
    need(manifest.title, 'title');
    need(manifest.summary, 'summary');
    for (const m of manifest.modules) {
      need(m.title, `${m.key}/title`);
      for (const l of m.lessons) {
        need(l.title, `${l.key}/title`);
        need(l.contentNote, `${l.key}/contentNote`);
        if (l.kind === 'quiz') {
          const quiz = quizSchema.parse(JSON.parse(files.read(`lessons/${l.key}.quiz.json`)));
          for (const q of quiz.questions) {
            need(q.prompt, `${l.key}/${q.key}/prompt`);
            need(q.explanation, `${l.key}/${q.key}/explanation`);
            if ('options' in q) for (const o of q.options) need(o.text, `${l.key}/${q.key}/${o.key}`);
          }
          continue;
        }
        const file = `lessons/${l.key}.${lang}.md`;
        if (!files.exists(file)) {
          problems.push(`${file} is missing`);
          continue;
        }
        const md = files.read(file);
        if (!md.trim()) problems.push(`${file} is empty`);
        if (!md.endsWith('\n') || md.endsWith('\n\n')) problems.push(`${file} must end with one newline`);
        if (/<[a-z][^>]*>/i.test(md)) problems.push(`${file} has raw HTML`);
        if (lang === 'ko') continue;
        for (const [written, inner] of md.matchAll(/\[\[([^[\]\n]+?)\]\]/g)) {
          const bar = inner.indexOf('|');
          const term = (bar === -1 ? inner : inner.slice(0, bar).replace(/\\$/, '')).trim(); // [[인권\|人权]] in a table
          // [[NGO]] reads the same in every language; [[대통령]] would show a Korean word in an English or Chinese sentence.
          if (bar === -1 && HANGUL.test(term)) problems.push(`${file}: ${written} must be [[${term}|shown text]]`);
          else if (!GLOSSARY_TERMS.has(term)) problems.push(`${file}: ${written} names no glossary term`);
        }
      }
    }
  }
  return problems;
}

/** A bundle in memory with course.json's `languages` set (and optionally changed further). */
function declaring(
  dir: string,
  languages: Locale[],
  change?: (files: Map<string, string>, manifest: BundleManifest) => void,
): BundleFiles {
  const files = filesInMemory(dir);
  const manifest = JSON.parse(files.get('course.json')!) as BundleManifest;
  manifest.languages = languages;
  change?.(files, manifest);
  files.set('course.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return memoryFiles(files);
}

describe('starter curriculum', () => {
  it('has the four starter courses', () => {
    expect(dirs.map((d) => path.basename(d)).sort()).toEqual([
      'democracy-and-citizenship',
      'human-rights-basics',
      'my-rights-and-support',
      'rights-in-everyday-life',
    ]);
  });

  for (const dir of dirs) {
    describe(path.basename(dir), () => {
      const manifest: BundleManifest = bundleManifestSchema.parse(
        JSON.parse(readFileSync(path.join(dir, 'course.json'), 'utf8')),
      );
      const lessons = manifest.modules.flatMap((m) => m.lessons);
      const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');

      it('is a valid bundle whose folder is named by its slug', () => {
        expect(path.basename(dir)).toBe(manifest.slug);
        expect(
          manifest.title.en && manifest.title.zh && manifest.summary.ko && manifest.summary.en && manifest.summary.zh,
        ).toBeTruthy();
      });

      it('has at least 3 modules and 10 lessons, with quizzes, and unique keys', () => {
        expect(manifest.modules.length).toBeGreaterThanOrEqual(3);
        expect(lessons.filter((l) => l.kind !== 'quiz').length).toBeGreaterThanOrEqual(10);
        expect(lessons.filter((l) => l.kind === 'quiz').length).toBeGreaterThanOrEqual(3);
        const keys = [...manifest.modules.map((m) => m.key), ...lessons.map((l) => l.key)];
        expect(new Set(keys).size).toBe(keys.length);
      });

      it('every lesson has its files in Korean and English, and lessons are 3–7 minutes', () => {
        for (const l of lessons) {
          expect(l.title.en, `${l.key} title.en`).toBeTruthy();
          expect(l.estimatedMinutes, l.key).toBeGreaterThanOrEqual(2);
          expect(l.estimatedMinutes, l.key).toBeLessThanOrEqual(8);
          if (l.kind === 'quiz') {
            const quiz = quizSchema.parse(JSON.parse(read(`lessons/${l.key}.quiz.json`)));
            for (const q of quiz.questions) expect(q.prompt.en && q.explanation.en, `${l.key}/${q.key}`).toBeTruthy();
          } else {
            for (const lang of ['ko', 'en']) {
              const md = read(`lessons/${l.key}.${lang}.md`);
              expect(md.trim().length, `${l.key}.${lang}.md`).toBeGreaterThan(l.kind === 'reflection' ? 40 : 400);
              expect(md.endsWith('\n') && !md.endsWith('\n\n'), `${l.key}.${lang}.md ends with one newline`).toBe(true);
              expect(md, `${l.key}.${lang}.md has no raw HTML`).not.toMatch(/<[a-z][^>]*>/i);
            }
          }
          if (l.kind === 'media') mediaLessonSchema.parse(JSON.parse(read(`lessons/${l.key}.media.json`)));
        }
      });

      it('has every text in each language the course declares (Korean only when course.json has no "languages")', () => {
        expect(missingInLanguages(folderFiles(dir))).toEqual([]);
      });

      it('has no stray files', () => {
        const expected = new Set(['course.json']);
        for (const l of lessons) {
          if (l.kind === 'quiz') expected.add(`lessons/${l.key}.quiz.json`);
          else
            for (const lang of ['ko', 'en', 'zh'])
              if (existsSync(path.join(dir, `lessons/${l.key}.${lang}.md`)))
                expected.add(`lessons/${l.key}.${lang}.md`);
          if (l.kind === 'media') expected.add(`lessons/${l.key}.media.json`);
        }
        const actual = readdirSync(path.join(dir, 'lessons')).map((f) => `lessons/${f}`);
        expect(actual.filter((f) => !expected.has(f))).toEqual([]);
      });

      it('marks glossary terms in the Korean readings', () => {
        const terms = lessons
          .filter((l) => l.kind === 'reading')
          .flatMap((l) =>
            [...read(`lessons/${l.key}.ko.md`).matchAll(/\[\[([^\]|]+)(?:\|[^\]]+)?\]\]/g)].map((m) => m[1]),
          );
        expect(new Set(terms).size).toBeGreaterThanOrEqual(15);
      });
    });
  }
});

// The check above passes on every course today, so here it is shown to bite: copies of a real course in
// memory, declaring languages or missing a text in one.
describe('a course declaring its languages', () => {
  const dir = dirs.find((d) => path.basename(d) === 'human-rights-basics') ?? dirs[0];
  const manifest = bundleManifestSchema.parse(JSON.parse(readFileSync(path.join(dir, 'course.json'), 'utf8')));
  const lessons = manifest.modules.flatMap((m) => m.lessons);
  const reading = lessons.find((l) => l.kind === 'reading')!;
  const quiz = lessons.find((l) => l.kind === 'quiz')!;

  /** The course as if its Chinese were finished: zh copied from the Korean wherever it is missing. */
  const withChinese = (files: Map<string, string>, m: BundleManifest) => {
    const fill = (text: { ko: string; zh?: string } | null) => {
      if (text && !text.zh) text.zh = `(中文) ${text.ko}`;
    };
    fill(m.title);
    fill(m.summary);
    for (const mod of m.modules) {
      fill(mod.title);
      for (const l of mod.lessons) {
        fill(l.title);
        fill(l.contentNote);
        if (l.kind === 'quiz') {
          const rel = `lessons/${l.key}.quiz.json`;
          const q = JSON.parse(files.get(rel)!) as {
            questions: { prompt: { ko: string }; explanation: { ko: string }; options?: { text: { ko: string } }[] }[];
          };
          for (const question of q.questions) {
            fill(question.prompt);
            fill(question.explanation);
            for (const o of question.options ?? []) fill(o.text);
          }
          files.set(rel, `${JSON.stringify(q, null, 2)}\n`);
        } else if (!files.has(`lessons/${l.key}.zh.md`)) {
          files.set(
            `lessons/${l.key}.zh.md`,
            files.get(`lessons/${l.key}.en.md`)!.replace(/\[\[([^\]|]+)\]\]/g, '[[$1|$1]]'),
          );
        }
      }
    }
  };

  it('defaults to Korean only, and the schema wants Korean in the list and no repeats', () => {
    expect(courseLanguages(manifest)).toEqual(manifest.languages ?? ['ko']);
    expect(courseLanguages({})).toEqual(['ko']);
    const base = JSON.parse(readFileSync(path.join(dir, 'course.json'), 'utf8')) as Record<string, unknown>;
    expect(bundleManifestSchema.safeParse({ ...base, languages: ['ko', 'en', 'zh'] }).success).toBe(true);
    expect(bundleManifestSchema.safeParse({ ...base, languages: ['en', 'zh'] }).success).toBe(false);
    expect(bundleManifestSchema.safeParse({ ...base, languages: ['ko', 'ko'] }).success).toBe(false);
    expect(bundleManifestSchema.safeParse({ ...base, languages: ['ko', 'ja'] }).success).toBe(false);
    expect(bundleManifestSchema.safeParse({ ...base, languages: [] }).success).toBe(false);
  });

  it('passes a course that has every text in the languages it declares', () => {
    expect(missingInLanguages(declaring(dir, ['ko', 'en']))).toEqual([]);
    expect(missingInLanguages(declaring(dir, ['ko', 'en', 'zh'], withChinese))).toEqual([]);
  });

  it('fails when a reading lacks its Chinese body, or a quiz option, a title or a content note its Chinese', () => {
    const noBody = declaring(dir, ['ko', 'en', 'zh'], (files, m) => {
      withChinese(files, m);
      files.delete(`lessons/${reading.key}.zh.md`);
    });
    expect(missingInLanguages(noBody)).toEqual([`lessons/${reading.key}.zh.md is missing`]);

    const noOption = declaring(dir, ['ko', 'en', 'zh'], (files, m) => {
      withChinese(files, m);
      const rel = `lessons/${quiz.key}.quiz.json`;
      const q = JSON.parse(files.get(rel)!) as {
        questions: { key: string; options?: { key: string; text: { zh?: string } }[] }[];
      };
      const question = q.questions.find((x) => x.options)!;
      delete question.options![1].text.zh;
      files.set(rel, `${JSON.stringify(q, null, 2)}\n`);
    });
    const q = quizSchema.parse(JSON.parse(readFileSync(path.join(dir, `lessons/${quiz.key}.quiz.json`), 'utf8')));
    const withOptions = q.questions.find((x) => 'options' in x) as { key: string; options: { key: string }[] };
    expect(missingInLanguages(noOption)).toEqual([`${quiz.key}/${withOptions.key}/${withOptions.options[1].key}.zh`]);

    const noTitleOrNote = declaring(dir, ['ko', 'en', 'zh'], (files, m) => {
      withChinese(files, m);
      const lesson = m.modules[0].lessons[0];
      delete lesson.title.zh;
      lesson.contentNote = { ko: '힘든 이야기가 나와요.', en: 'This lesson talks about hard things.' };
    });
    const first = manifest.modules[0].lessons[0];
    expect(missingInLanguages(noTitleOrNote)).toEqual([`${first.key}/title.zh`, `${first.key}/contentNote.zh`]);
  });

  it('fails when a Chinese body links a term that is not a glossary term, or shows a Korean term as it is', () => {
    const files = declaring(dir, ['ko', 'zh'], (all, m) => {
      withChinese(all, m);
      all.set(
        `lessons/${reading.key}.zh.md`,
        '签约前要看[[全租房]]和[[전세|全租房]]，还有[[전세]]、[[NGO]]和[[없는말|不存在]]。\n\n| 词 | 意思 |\n| --- | --- |\n| [[전세\\|全租房]] | [[월세|月租]] |\n',
      );
    });
    expect(missingInLanguages(files)).toEqual([
      `lessons/${reading.key}.zh.md: [[全租房]] names no glossary term`,
      `lessons/${reading.key}.zh.md: [[전세]] must be [[전세|shown text]]`,
      `lessons/${reading.key}.zh.md: [[없는말|不存在]] names no glossary term`,
    ]);
  });

  it('the real course as it is today would fail if it declared Chinese before its Chinese is written', () => {
    const today = missingInLanguages(declaring(dir, ['ko', 'en', 'zh']));
    const zhFiles = lessons.filter((l) => l.kind !== 'quiz' && !existsSync(path.join(dir, `lessons/${l.key}.zh.md`)));
    for (const l of zhFiles) expect(today).toContain(`lessons/${l.key}.zh.md is missing`);
    if (zhFiles.length === 0) expect(today.every((p) => p.endsWith('.zh') || p.includes('.zh.md'))).toBe(true);
  });
});
