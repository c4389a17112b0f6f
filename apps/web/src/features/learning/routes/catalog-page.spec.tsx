import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { COURSE, ENROLMENT, freshDevice, L, makeCourse, makeEnrolment, makeProgress, SLUG } from '../test-fixtures';

const asLearner = { 'GET /me': { status: 200, body: makeMe('learner') } };
const catalogEntry = (overrides: Record<string, unknown> = {}) => ({
  id: COURSE,
  slug: SLUG,
  title: { ko: '일터의 권리' },
  summary: { ko: '일할 때 가지는 권리를 배워요.' },
  language: 'ko',
  tags: ['work', 'law'],
  estimatedMinutes: 40,
  enrolmentPolicy: 'open',
  coverMediaId: null,
  version: 3,
  lessonCount: 4,
  ...overrides,
});

describe('the learner home (/learn)', () => {
  beforeEach(() => freshDevice());

  it('lists the published courses with time, lessons and topics', async () => {
    mockApi({
      ...asLearner,
      'GET /courses': { status: 200, body: { items: [catalogEntry()] } },
      'GET /me/learning': { status: 200, body: { items: [] } },
    });
    renderApp('/learn');
    const link = await screen.findByRole('link', { name: '일터의 권리' });
    expect(link).toHaveAttribute('href', `/learn/courses/${SLUG}`);
    const card = link.closest('li') as HTMLElement;
    expect(card).toHaveTextContent('약 40분 · 수업 4개');
    expect(within(card).getByRole('list', { name: '주제' })).toHaveTextContent('일과 노동');
    expect(screen.getByText('아직 참여한 과정이 없어요. 아래에서 과정을 골라 참여해 보세요.')).toBeInTheDocument();
  });

  it('shows my courses first, with the percent and a Continue button to exactly the next lesson', async () => {
    mockApi({
      ...asLearner,
      'GET /courses': { status: 200, body: { items: [catalogEntry()] } },
      'GET /me/learning': {
        status: 200,
        body: {
          items: [
            makeEnrolment({
              percent: 33,
              lastActivityAt: '2026-04-02T09:00:00.000Z',
              next: { lessonId: L.quiz, position: null },
            }),
          ],
        },
      },
    });
    renderApp('/learn');
    const mine = (await screen.findByRole('heading', { level: 2, name: '내가 듣는 과정' })).closest(
      'section',
    ) as HTMLElement;
    expect(await within(mine).findByText('33% 마쳤어요')).toBeInTheDocument();
    expect(within(mine).getByRole('link', { name: /^이어서 하기 ?— 일터의 권리$/ })).toHaveAttribute(
      'href',
      `/learn/courses/${SLUG}/lessons/${L.quiz}`,
    );
    expect(within(mine).getByRole('link', { name: '나의 생각 공책' })).toHaveAttribute('href', '/learn/journal');
    expect(within(mine).getByRole('link', { name: '나의 수료증' })).toHaveAttribute('href', '/learn/certificates');
    // The catalogue says the learner is in it.
    expect(screen.getByText('참여 중 · 33% 마쳤어요')).toBeInTheDocument();
  });

  it('says honestly when there is nothing yet', async () => {
    mockApi({
      ...asLearner,
      'GET /courses': { status: 200, body: { items: [] } },
      'GET /me/learning': { status: 200, body: { items: [] } },
    });
    renderApp('/learn');
    expect(await screen.findByRole('heading', { name: '아직 배울 과정이 없어요' })).toBeInTheDocument();
  });
});

describe('the course overview', () => {
  beforeEach(() => freshDevice());

  it('shows each lesson state in words and a sign, and the reason a lesson is locked', async () => {
    mockApi({
      ...asLearner,
      'GET /courses': { status: 200, body: { items: [catalogEntry()] } },
      [`GET /courses/${SLUG}`]: { status: 200, body: makeCourse({ sequential: true }) },
      [`GET /courses/${SLUG}/progress`]: {
        status: 200,
        body: makeProgress(
          {},
          {
            [L.reading]: { status: 'completed' },
            [L.sensitive]: { status: 'in_progress' },
            [L.quiz]: { locked: true },
            [L.reflection]: { locked: true },
          },
        ),
      },
    });
    renderApp(`/learn/courses/${SLUG}`);
    const outline = await screen.findByRole('navigation', { name: '과정 차례' });
    const row = (name: string) => within(outline).getByRole('link', { name }).closest('li') as HTMLElement;
    expect(row('근로계약서')).toHaveTextContent('✓');
    expect(row('근로계약서')).toHaveTextContent('마쳤어요');
    expect(row('임금을 못 받았을 때')).toHaveTextContent('하는 중');
    expect(row('확인 문제')).toHaveTextContent('아직 열리지 않았어요');
    expect(row('확인 문제')).toHaveTextContent('먼저 마칠 수업: 임금을 못 받았을 때');
  });

  it('enrols with one tap, then offers Continue', async () => {
    let enrolled = false;
    const api = mockApi({
      ...asLearner,
      'GET /courses': { status: 200, body: { items: [catalogEntry()] } },
      [`GET /courses/${SLUG}`]: { status: 200, body: makeCourse() },
      [`GET /courses/${SLUG}/progress`]: () => ({
        status: 200,
        body: makeProgress({ enrolment: enrolled ? makeEnrolment() : null }),
      }),
      [`POST /courses/${SLUG}/enrol`]: () => {
        enrolled = true;
        return { status: 200, body: makeEnrolment() };
      },
    });
    renderApp(`/learn/courses/${SLUG}`);
    await userEvent.setup().click(await screen.findByRole('button', { name: '참여하기' }));
    expect(await screen.findByRole('link', { name: '시작하기' })).toHaveAttribute(
      'href',
      `/learn/courses/${SLUG}/lessons/${L.reading}`,
    );
    expect(api.callsTo('POST', `/courses/${SLUG}/enrol`)[0]?.body).toEqual({});
  });

  it('asks for the course code of a coded course and says plainly when it is wrong', async () => {
    const api = mockApi({
      ...asLearner,
      'GET /courses': { status: 200, body: { items: [catalogEntry({ enrolmentPolicy: 'code' })] } },
      [`GET /courses/${SLUG}`]: { status: 200, body: makeCourse() },
      [`GET /courses/${SLUG}/progress`]: { status: 200, body: makeProgress({ enrolment: null }) },
      [`POST /courses/${SLUG}/enrol`]: apiError(400, 'wrong_course_code', {
        fields: [{ path: 'body.code', message: 'is not the code of this course' }],
      }),
    });
    renderApp(`/learn/courses/${SLUG}`);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('참여 코드'), 'work-2027');
    await user.click(screen.getByRole('button', { name: '참여하기' }));
    expect(await screen.findByText('참여 코드가 맞지 않아요. 받은 코드를 다시 확인해 주세요.')).toBeInTheDocument();
    expect(screen.getByLabelText('참여 코드')).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', `/courses/${SLUG}/enrol`)[0]?.body).toEqual({ code: 'work-2027' });
  });

  it('withdraws only after confirming', async () => {
    let withdrawn = false;
    const api = mockApi({
      ...asLearner,
      'GET /courses': { status: 200, body: { items: [catalogEntry()] } },
      [`GET /courses/${SLUG}`]: { status: 200, body: makeCourse() },
      [`GET /courses/${SLUG}/progress`]: () => ({
        status: 200,
        body: makeProgress({ enrolment: withdrawn ? null : makeEnrolment() }),
      }),
      [`POST /enrolments/${ENROLMENT}/withdraw`]: () => {
        withdrawn = true;
        return { status: 200, body: makeEnrolment({ status: 'withdrawn' }) };
      },
    });
    renderApp(`/learn/courses/${SLUG}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '참여 그만두기' }));
    expect(api.callsTo('POST', `/enrolments/${ENROLMENT}/withdraw`)).toHaveLength(0);
    expect(screen.getByText(/지금까지 한 것은 지워지지 않아요/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '그만두기' }));
    await waitFor(() => expect(api.callsTo('POST', `/enrolments/${ENROLMENT}/withdraw`)).toHaveLength(1));
    // Re-enrolling is one tap away again.
    expect(await screen.findByRole('button', { name: '참여하기' })).toBeInTheDocument();
  });
});
