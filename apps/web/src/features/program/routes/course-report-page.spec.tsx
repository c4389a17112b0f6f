import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const COURSE = '5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const LESSON = '6e7f8091-2b3c-4d4e-9f0a-1b2c3d4e5f60';
const report = {
  course: { id: COURSE, title: { ko: '인권의 기초' }, version: 2 },
  enrolments: 3,
  completions: 1,
  lessons: [{ lessonId: LESSON, title: { ko: '생각 쓰기' }, kind: 'reflection', started: 3, completed: 2 }],
  questions: [],
};

describe('course report: shared reflections', () => {
  it('shows an instructor the reflections learners chose to share', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('instructor') },
      [`GET /reports/courses/${COURSE}`]: { status: 200, body: report },
      [`GET /reports/courses/${COURSE}/reflections`]: {
        status: 200,
        body: {
          items: [
            {
              lessonId: LESSON,
              lessonTitle: { ko: '생각 쓰기' },
              learner: '바다',
              text: '나는 일할 권리가 있어요.\n둘째 줄',
              updatedAt: '2026-11-20T09:00:00.000Z',
            },
          ],
        },
      },
    });
    renderApp(`/program/courses/${COURSE}`);
    expect(await screen.findByRole('heading', { level: 2, name: '배우는 사람이 보여 준 생각' })).toBeInTheDocument();
    expect(await screen.findByText(/나는 일할 권리가 있어요/)).toBeInTheDocument();
    expect(screen.getByText(/바다/)).toBeInTheDocument();
    expect(api.callsTo('GET', `/reports/courses/${COURSE}/reflections`)).toHaveLength(1);
  });

  it('does not ask for reflections as a manager (they are for the course’s instructors)', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('manager') },
      [`GET /reports/courses/${COURSE}`]: { status: 200, body: report },
    });
    renderApp(`/program/courses/${COURSE}`);
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '배우는 사람이 보여 준 생각' })).not.toBeInTheDocument();
    expect(api.callsTo('GET', `/reports/courses/${COURSE}/reflections`)).toHaveLength(0);
  });
});
