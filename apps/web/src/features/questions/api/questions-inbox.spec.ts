import type { Question } from '@dari/contracts';
import { describe, expect, it } from 'vitest';
import { inboxQuestions } from './questions-inbox';

const q = (id: string, status: 'open' | 'answered'): Question => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  courseId: '22222222-2222-4222-8222-222222222222',
  courseSlug: 'work-rights',
  courseTitle: { ko: '일터의 권리' },
  lessonId: '33333333-3333-4333-8333-333333333333',
  lessonTitle: { ko: '근로계약서' },
  text: `질문 ${id}`,
  status,
  answer: status === 'answered' ? '답' : null,
  createdAt: '2026-04-02T09:00:00.000Z',
  answeredAt: status === 'answered' ? '2026-04-02T10:00:00.000Z' : null,
  publishedAt: null,
});

describe('inboxQuestions', () => {
  it('shows a question that came again on a later page once, in its first place, as it is now', () => {
    // 1 was answered (by someone else) after the first page: the API sends it again among the answered ones.
    const pages = [
      { items: [q('1', 'open'), q('2', 'open')], next: 'a' },
      { items: [q('3', 'open'), q('4', 'answered')], next: 'b' },
      { items: [q('1', 'answered'), q('5', 'answered')], next: null },
    ];
    const list = inboxQuestions(pages);
    expect(list.map((x) => [x.text, x.status])).toEqual([
      ['질문 1', 'answered'],
      ['질문 2', 'open'],
      ['질문 3', 'open'],
      ['질문 4', 'answered'],
      ['질문 5', 'answered'],
    ]);
  });
});
