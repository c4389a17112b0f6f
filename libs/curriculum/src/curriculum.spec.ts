import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleManifestSchema, mediaLessonSchema, quizSchema, type BundleManifest } from '@dari/contracts';
import { starterCourseDirs } from './index.js';

// The starter curriculum must be valid bundles, complete, and meet the bar:
// at least 3 modules and 10 lessons with quizzes per course, Korean and English for every course and
// lesson, Chinese course titles and summaries, [[terms]] marked.
const dirs = starterCourseDirs();

describe('starter curriculum', () => {
  it('has the three starter courses', () => {
    expect(dirs.map((d) => path.basename(d))).toHaveLength(3);
  });

  for (const dir of dirs) {
    describe(path.basename(dir), () => {
      const manifest: BundleManifest = bundleManifestSchema.parse(JSON.parse(readFileSync(path.join(dir, 'course.json'), 'utf8')));
      const lessons = manifest.modules.flatMap((m) => m.lessons);
      const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');

      it('is a valid bundle whose folder is named by its slug', () => {
        expect(path.basename(dir)).toBe(manifest.slug);
        expect(manifest.title.en && manifest.title.zh && manifest.summary.ko && manifest.summary.en && manifest.summary.zh).toBeTruthy();
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

      it('has no stray files', () => {
        const expected = new Set(['course.json']);
        for (const l of lessons) {
          if (l.kind === 'quiz') expected.add(`lessons/${l.key}.quiz.json`);
          else for (const lang of ['ko', 'en', 'zh']) if (existsSync(path.join(dir, `lessons/${l.key}.${lang}.md`))) expected.add(`lessons/${l.key}.${lang}.md`);
          if (l.kind === 'media') expected.add(`lessons/${l.key}.media.json`);
        }
        const actual = readdirSync(path.join(dir, 'lessons')).map((f) => `lessons/${f}`);
        expect(actual.filter((f) => !expected.has(f))).toEqual([]);
      });

      it('marks glossary terms in the Korean readings', () => {
        const terms = lessons
          .filter((l) => l.kind === 'reading')
          .flatMap((l) => [...read(`lessons/${l.key}.ko.md`).matchAll(/\[\[([^\]|]+)(?:\|[^\]]+)?\]\]/g)].map((m) => m[1]));
        expect(new Set(terms).size).toBeGreaterThanOrEqual(15);
      });
    });
  }
});
