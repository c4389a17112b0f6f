import { describe, expect, it } from 'vitest';
import { courseOutlineSchema, outlineModules } from './index.js';

const lesson = (over: Record<string, unknown>) => ({
  id: '00000000-0000-4000-8000-000000000001',
  key: 'l1',
  kind: 'reading' as const,
  title: { ko: '읽기' },
  required: true,
  estimatedMinutes: 5,
  body: { ko: '긴 본문' },
  ...over,
});

describe('outlineModules', () => {
  it('keeps what the outline shows, drops the content, and says whether a content note opens the lesson', () => {
    const modules = outlineModules([
      {
        id: '00000000-0000-4000-8000-000000000010',
        key: 'm1',
        title: { ko: '모듈' },
        lessons: [
          lesson({ contentNote: { ko: '  ', zh: '' } }),
          lesson({ key: 'l2', contentNote: { zh: '注意' } }),
          lesson({ key: 'l3', contentNote: null }),
          lesson({ key: 'l4' }),
        ],
      },
    ]);
    const lessons = modules[0].lessons;
    expect(lessons.map((l) => [l.key, l.hasContentNote])).toEqual([
      ['l1', false],
      ['l2', true],
      ['l3', false],
      ['l4', false],
    ]);
    expect(Object.keys(lessons[0]).sort()).toEqual(
      ['estimatedMinutes', 'hasContentNote', 'id', 'key', 'kind', 'required', 'title'].sort(),
    );
    const outline = {
      courseId: '00000000-0000-4000-8000-000000000100',
      version: 1,
      slug: 's',
      title: { ko: '과정' },
      summary: { ko: '' },
      language: 'ko',
      tags: [],
      estimatedMinutes: 5,
      sequential: false,
      coverMediaId: null,
      modules,
    };
    expect(courseOutlineSchema.safeParse(outline).success).toBe(true);
  });
});
