import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { COURSE, freshDevice, L, SLUG } from '../test-fixtures';

const asLearner = { 'GET /me': { status: 200, body: makeMe('learner') } };
const lesson = (lessonId: string, title: string, kind: string, status: string) => ({
  lessonId,
  title: { ko: title },
  kind,
  required: true,
  status,
});
const results = (attempts: unknown[], questions: unknown[]) => ({
  items: [
    {
      courseId: COURSE,
      slug: SLUG,
      title: { ko: '일터의 권리' },
      percent: 33,
      completedAt: null,
      lessons: [
        lesson(L.reading, '근로계약서', 'reading', 'completed'),
        lesson(L.sensitive, '임금을 못 받았을 때', 'reading', 'skipped'),
        lesson(L.quiz, '확인 문제', 'quiz', 'in_progress'),
      ],
      quizzes: [
        {
          lessonId: L.quiz,
          title: { ko: '확인 문제' },
          passMark: 100,
          bestScore: attempts.length ? 50 : null,
          passed: false,
          attempts,
          questions,
        },
      ],
    },
  ],
});

describe('my results (/learn/results)', () => {
  beforeEach(() => freshDevice());

  it('shows lessons done, skipped and left, and a quiz attempt with my answers, the right ones and why', async () => {
    mockApi({
      ...asLearner,
      'GET /me/results': {
        status: 200,
        body: results(
          [
            {
              answers: { q1: ['b'], q2: false },
              correct: { q1: false, q2: true },
              score: 50,
              passed: false,
              submittedAt: '2026-04-02T09:00:00.000Z',
            },
          ],
          [
            {
              key: 'q1',
              type: 'single',
              prompt: { ko: '근로계약서는 언제 받나요?' },
              explanation: { ko: '일을 시작할 때 받아요.' },
              options: [
                { key: 'a', text: { ko: '일을 시작할 때' }, correct: true },
                { key: 'b', text: { ko: '그만둘 때' }, correct: false },
              ],
              answer: null,
            },
            {
              key: 'q2',
              type: 'true_false',
              prompt: { ko: '최저임금보다 적게 줘도 괜찮아요.' },
              explanation: { ko: '안 돼요.' },
              options: [],
              answer: false,
            },
          ],
        ),
      },
    });
    renderApp('/learn/results');
    const card = await screen.findByRole('region', { name: '일터의 권리' });
    expect(card).toHaveTextContent('마친 수업 1개 · 건너뛴 수업 1개 · 남은 수업 1개');
    expect(card).toHaveTextContent('최고 점수 50점 (통과 점수 100점) 아직 통과 전');
    const first = within(card).getByText('근로계약서는 언제 받나요?').closest('li') as HTMLElement;
    expect(first).toHaveTextContent('내 답: 그만둘 때 틀림');
    expect(first).toHaveTextContent('정답: 일을 시작할 때');
    expect(first).toHaveTextContent('일을 시작할 때 받아요.');
    const second = within(card).getByText('최저임금보다 적게 줘도 괜찮아요.').closest('li') as HTMLElement;
    expect(second).toHaveTextContent('내 답: 아니다 맞음');
  });

  it('before any attempt, says the right answers come after trying (and shows none)', async () => {
    mockApi({ ...asLearner, 'GET /me/results': { status: 200, body: results([], []) } });
    renderApp('/learn/results');
    const card = await screen.findByRole('region', { name: '일터의 권리' });
    expect(card).toHaveTextContent('아직 풀지 않았어요. 풀고 나면 정답과 풀이가 보여요.');
    expect(card).not.toHaveTextContent('정답:');
  });
});
