import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { COURSE_ID, LESSON_IDS, makeMe, makePublishedCourse } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

describe('course preview', () => {
  it('shows the draft as a learner sees it, under a "not published" banner, with lessons drawn by the learner renderer', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('instructor') },
      [`GET /authoring/courses/${COURSE_ID}/preview`]: { status: 200, body: makePublishedCourse() },
    });
    renderApp(`/teach/courses/${COURSE_ID}/preview?lesson=${LESSON_IDS[0]}`);
    expect(await screen.findByText('미리 보기 — 아직 발행하지 않은 내용이에요')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '인권 첫걸음' })).toBeInTheDocument();
    const outline = screen.getByRole('navigation', { name: '과정 차례' });
    expect(within(outline).getByRole('link', { name: '권리란' })).toHaveAttribute('aria-current', 'page');

    const lesson = screen.getByRole('article', { name: '권리란' });
    // The lesson title is an h2 under the course's h1, so the lesson's top-most heading (here `##`) is an h3.
    expect(await within(lesson).findByRole('heading', { level: 3, name: '모두의 권리' })).toBeInTheDocument();
    expect(
      within(lesson)
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual(['권리란']);
    expect(within(lesson).getByRole('note')).toHaveTextContent('도움말');
    expect(lesson.querySelector('mark.term[data-term="인권"]')).toHaveTextContent('인권');
  });

  it('lets the author try a quiz locally, with the explanation', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('instructor') },
      [`GET /authoring/courses/${COURSE_ID}/preview`]: { status: 200, body: makePublishedCourse() },
    });
    renderApp(`/teach/courses/${COURSE_ID}/preview?lesson=${LESSON_IDS[2]}`);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText('틀리다'));
    await user.click(screen.getByRole('button', { name: '답 확인하기' }));
    expect(await screen.findByText('다시 생각해 봐요.')).toBeInTheDocument();
    expect(await screen.findByText('비밀 투표가 원칙이에요.')).toBeInTheDocument();
    expect(screen.getByText(/1문제 중 0문제를 맞혔어요./)).toBeInTheDocument();
  });
});
