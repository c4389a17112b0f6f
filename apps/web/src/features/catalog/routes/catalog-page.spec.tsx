import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COURSE_ID, LESSON_IDS, makeMe, makePublishedCourse } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const asLearner = { 'GET /me': { status: 200, body: makeMe('learner') } };

describe('learner catalogue', () => {
  it('lists the published courses open to the learner', async () => {
    mockApi({
      ...asLearner,
      'GET /courses': {
        status: 200,
        body: {
          items: [
            {
              id: COURSE_ID,
              slug: 'rights-basics',
              title: { ko: '인권 첫걸음' },
              summary: { ko: '인권이 무엇인지 배워요.' },
              language: 'ko',
              tags: ['human-rights', 'law'],
              estimatedMinutes: 45,
              enrolmentPolicy: 'open',
              coverMediaId: null,
              version: 2,
              lessonCount: 6,
            },
          ],
        },
      },
    });
    renderApp('/learn');
    const link = await screen.findByRole('link', { name: '인권 첫걸음' });
    expect(link).toHaveAttribute('href', '/learn/courses/rights-basics');
    const card = link.closest('li') as HTMLElement;
    expect(card).toHaveTextContent('약 45분 · 수업 6개');
    expect(within(card).getByRole('list', { name: '주제' })).toHaveTextContent('인권');
    expect(within(card).getByRole('list', { name: '주제' })).toHaveTextContent('법');
  });

  it('says honestly when there is nothing yet', async () => {
    mockApi({ ...asLearner, 'GET /courses': { status: 200, body: { items: [] } } });
    renderApp('/learn');
    expect(await screen.findByRole('heading', { name: '아직 배울 과정이 없어요' })).toBeInTheDocument();
  });

  it('shows a published course with its lessons, drawn by the same components as the preview', async () => {
    mockApi({ ...asLearner, 'GET /courses/rights-basics': { status: 200, body: makePublishedCourse({ version: 2 }) } });
    renderApp(`/learn/courses/rights-basics?lesson=${LESSON_IDS[0]}`);
    expect(await screen.findByRole('heading', { level: 1, name: '인권 첫걸음' })).toBeInTheDocument();
    expect(screen.queryByText('미리 보기 — 아직 발행하지 않은 내용이에요')).not.toBeInTheDocument();
    const lesson = screen.getByRole('article', { name: '권리란' });
    expect(await within(lesson).findByRole('heading', { name: '모두의 권리' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '다음 수업' })).toHaveAttribute('href', `/learn/courses/rights-basics?lesson=${LESSON_IDS[2]}`);
  });
});
