import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe, makeUser } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

describe('admin user page', () => {
  const target = makeUser({ username: 'minsu', displayName: '민수' });

  it("shows the person's cohorts and courses, and erases the account only after confirming", async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('admin') },
      [`GET /admin/users/${target.id}`]: { status: 200, body: target },
      [`GET /admin/users/${target.id}/overview`]: {
        status: 200,
        body: {
          cohorts: [{ id: '11111111-1111-4111-8111-111111111111', name: '2027 봄', role: 'learner' }],
          enrolments: [
            {
              courseId: '22222222-2222-4222-8222-222222222222',
              title: { ko: '인권의 기초' },
              status: 'active',
              percent: 38,
              lastActivityAt: '2026-12-07T05:05:00.000Z',
            },
          ],
        },
      },
      [`POST /users/${target.id}/erase`]: { status: 204 },
    });
    renderApp(`/admin/users/${target.id}`);
    const cohorts = await screen.findByTestId('user-cohorts');
    expect(within(cohorts).getByRole('link', { name: '2027 봄' })).toHaveAttribute(
      'href',
      '/program/cohorts/11111111-1111-4111-8111-111111111111',
    );
    expect(cohorts).toHaveTextContent('(학습자)');
    expect(screen.getByTestId('user-courses')).toHaveTextContent(
      '인권의 기초 — 배우는 중, 38% · 마지막으로 배운 때 2026. 12. 7. 14:05',
    );

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '이 계정 지우기…' }));
    expect(screen.getByText('민수(minsu) 님의 계정을 영구히 지울까요? 되돌릴 수 없어요.')).toBeInTheDocument();
    expect(api.callsTo('POST', `/users/${target.id}/erase`)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: '네, 영구히 지우기' }));
    expect(await screen.findByText('민수 님의 계정을 지웠어요.')).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('POST', `/users/${target.id}/erase`)).toHaveLength(1));
    expect(api.callsTo('POST', `/users/${target.id}/erase`)[0]?.headers['x-dari-client']).toBe('web');
    expect(screen.getByRole('heading', { level: 1, name: '계정을 지웠어요' })).toBeInTheDocument();
  });
});
