import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const ID = '11111111-1111-4111-8111-111111111111';
const question = (overrides: Record<string, unknown> = {}) => ({
  id: ID,
  courseId: '22222222-2222-4222-8222-222222222222',
  courseSlug: 'work-rights',
  courseTitle: { ko: '일터의 권리' },
  lessonId: '33333333-3333-4333-8333-333333333333',
  lessonTitle: { ko: '근로계약서' },
  text: '저는 청진에서 왔는데 계약서를 꼭 써야 하나요?',
  status: 'open',
  answer: null,
  createdAt: '2026-04-02T09:00:00.000Z',
  answeredAt: null,
  publishedAt: null,
  ...overrides,
});

describe("the instructor's question inbox (/teach/questions)", () => {
  it('answers a question, then publishes an edited copy (the edited words are what is sent)', async () => {
    const answered = question({ status: 'answered', answer: '네, 꼭 써요.', answeredAt: '2026-04-02T10:00:00.000Z' });
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('instructor') },
      'GET /questions': { status: 200, body: { items: [question()] } },
      [`POST /questions/${ID}/answer`]: { status: 200, body: answered },
      [`POST /questions/${ID}/publish`]: {
        status: 201,
        body: {
          id: ID,
          question: '계약서를 꼭 써야 하나요?',
          answer: '네, 꼭 써요.',
          publishedAt: '2026-04-02T11:00:00.000Z',
        },
      },
    });
    renderApp('/teach/questions');
    const user = userEvent.setup();
    const item = (await screen.findByText(question().text)).closest('li') as HTMLElement;
    expect(item).toHaveTextContent('답을 기다리는 중');
    await user.type(within(item).getByLabelText('답'), '네, 꼭 써요.');
    await user.click(within(item).getByRole('button', { name: '답하기' }));
    expect(await within(item).findByText('답변 완료')).toBeInTheDocument();
    expect(api.calls.find((c) => c.path === `/questions/${ID}/answer`)?.body).toEqual({ answer: '네, 꼭 써요.' });

    await user.click(within(item).getByRole('button', { name: '수업에 공개하기…' }));
    const publicQuestion = within(item).getByLabelText('공개할 질문');
    await user.clear(publicQuestion);
    await user.type(publicQuestion, '계약서를 꼭 써야 하나요?');
    await user.click(within(item).getByRole('button', { name: '공개하기' }));
    expect(await within(item).findByText('수업에 공개함', { exact: false })).toBeInTheDocument();
    expect(api.calls.find((c) => c.path === `/questions/${ID}/publish`)?.body).toEqual({
      question: '계약서를 꼭 써야 하나요?',
      answer: '네, 꼭 써요.',
    });
  });

  it('pages with the cursor the API gives ("show more"), keeping what was loaded', async () => {
    const SECOND = '44444444-4444-4444-8444-444444444444';
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('instructor') },
      'GET /questions': (req) =>
        req.query.get('cursor')
          ? { status: 200, body: { items: [question({ id: SECOND, text: '두 번째 쪽 질문' })], next: null } }
          : { status: 200, body: { items: [question()], next: `0_1_${ID}` } },
    });
    renderApp('/teach/questions');
    expect(await screen.findByText(question().text)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: '질문 더 보기' }));
    expect(await screen.findByText('두 번째 쪽 질문')).toBeInTheDocument();
    expect(screen.getByText(question().text)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '질문 더 보기' })).toBeNull();
    const asked = api.callsTo('GET', '/questions').map((c) => c.query.get('cursor'));
    expect(asked).toEqual([null, `0_1_${ID}`]);
  });
});
