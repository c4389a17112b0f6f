import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProvider } from '../../../app/provider';
import { createQueryClient } from '../../../lib/query-client';
import { mockApi } from '../../../test/mock-api';
import { makeMe } from '../../../test/fixtures';
import { COURSE, L, SLUG } from '../test-fixtures';
import { LessonQuestions } from './lesson-questions';

const mine = (overrides: Record<string, unknown> = {}) => ({
  id: '44444444-4444-4444-8444-444444444444',
  courseId: COURSE,
  courseSlug: SLUG,
  courseTitle: { ko: '일터의 권리' },
  lessonId: L.reading,
  lessonTitle: { ko: '근로계약서' },
  text: '계약서는 몇 부 받아요?',
  status: 'open',
  answer: null,
  createdAt: '2026-04-02T09:00:00.000Z',
  answeredAt: null,
  publishedAt: null,
  ...overrides,
});

function renderSection() {
  return render(
    <AppProvider client={createQueryClient({ retry: false })}>
      <MemoryRouter>
        <LessonQuestions lessonId={L.reading} />
      </MemoryRouter>
    </AppProvider>,
  );
}

describe('questions under a lesson', () => {
  it('shows the published Q&A and my own answered question; asking sends only the text and lists it', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      [`GET /lessons/${L.reading}/qa`]: {
        status: 200,
        body: {
          items: [
            {
              id: '55555555-5555-4555-8555-555555555555',
              question: '계약서는 꼭 써야 하나요?',
              answer: '네, 꼭 써요.',
              publishedAt: '2026-04-01T09:00:00.000Z',
            },
          ],
        },
      },
      'GET /me/questions': {
        status: 200,
        body: { items: [mine({ status: 'answered', answer: '두 부를 써서 한 부를 받아요.' })] },
      },
      [`POST /lessons/${L.reading}/questions`]: {
        status: 201,
        body: mine({ id: '66666666-6666-4666-8666-666666666666', text: '수습 기간에도 써요?' }),
      },
    });
    renderSection();
    const section = await screen.findByRole('region', { name: '질문과 답' });
    expect(await within(section).findByText('계약서는 꼭 써야 하나요?', { exact: false })).toBeInTheDocument();
    expect(await within(section).findByText('두 부를 써서 한 부를 받아요.', { exact: false })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(within(section).getByLabelText('강사에게 묻기'), '수습 기간에도 써요?');
    await user.click(within(section).getByRole('button', { name: '질문 보내기' }));
    expect(await within(section).findByText('수습 기간에도 써요?')).toBeInTheDocument();
    expect(within(section).getByText('질문을 보냈어요.', { exact: false })).toBeInTheDocument();
    expect(api.callsTo('POST', `/lessons/${L.reading}/questions`)[0].body).toEqual({ text: '수습 기간에도 써요?' });
  });

  it('says why a question was refused (too many today) and keeps what was typed', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      [`GET /lessons/${L.reading}/qa`]: { status: 200, body: { items: [] } },
      'GET /me/questions': { status: 200, body: { items: [] } },
      [`POST /lessons/${L.reading}/questions`]: {
        status: 429,
        body: { statusCode: 429, code: 'too_many_attempts', message: 'Too many', retryAfter: 3600 },
      },
    });
    renderSection();
    const section = await screen.findByRole('region', { name: '질문과 답' });
    expect(await within(section).findByText('아직 공개된 질문이 없어요.')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(within(section).getByLabelText('강사에게 묻기'), '하나 더요');
    await user.click(within(section).getByRole('button', { name: '질문 보내기' }));
    expect(await within(section).findByRole('alert')).toBeInTheDocument();
    expect(within(section).getByLabelText('강사에게 묻기')).toHaveValue('하나 더요');
  });

  it("the course's staff can take a published Q&A down; learners are never offered it", async () => {
    const QA = '55555555-5555-4555-8555-555555555555';
    let published = true;
    const item = {
      id: QA,
      question: '계약서는 꼭 써야 하나요?',
      answer: '네.',
      publishedAt: '2026-04-01T09:00:00.000Z',
    };
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('instructor') },
      [`GET /lessons/${L.reading}/qa`]: () => ({
        status: 200,
        body: published ? { items: [item], canUnpublish: true } : { items: [] },
      }),
      'GET /me/questions': { status: 200, body: { items: [] } },
      [`POST /qa/${QA}/unpublish`]: () => {
        published = false;
        return { status: 204 };
      },
    });
    renderSection();
    const section = await screen.findByRole('region', { name: '질문과 답' });
    await userEvent.setup().click(await within(section).findByRole('button', { name: '공개 내리기' }));
    expect(api.callsTo('POST', `/qa/${QA}/unpublish`)).toHaveLength(1);
    expect(await within(section).findByText('아직 공개된 질문이 없어요.')).toBeInTheDocument();
  });

  it('a learner sees no take-down button', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      [`GET /lessons/${L.reading}/qa`]: {
        status: 200,
        body: {
          items: [
            {
              id: '55555555-5555-4555-8555-555555555555',
              question: '계약서는 꼭 써야 하나요?',
              answer: '네.',
              publishedAt: '2026-04-01T09:00:00.000Z',
            },
          ],
        },
      },
      'GET /me/questions': { status: 200, body: { items: [] } },
    });
    renderSection();
    const section = await screen.findByRole('region', { name: '질문과 답' });
    expect(await within(section).findByText('계약서는 꼭 써야 하나요?', { exact: false })).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: '공개 내리기' })).toBeNull();
  });
});
