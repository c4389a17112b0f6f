import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe, makeUser } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const target = makeUser({
  id: '5d1b2c3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  username: 'minsu',
  displayName: '민수',
  role: 'admin',
});

describe('admin users', () => {
  it('lists users with translated roles, filters through the address and pages', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('admin') },
      'GET /admin/users': (req) => ({
        status: 200,
        body: { items: [target], total: 45, page: Number(req.query.get('page') ?? 1), pageSize: 20 },
      }),
    });
    const { location } = renderApp('/admin/users');
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: 'minsu' })).toHaveAttribute('href', `/admin/users/${target.id}`);
    expect(within(table).getByText('관리자')).toBeInTheDocument();
    expect(within(table).getByText('아직 없음')).toBeInTheDocument();
    expect(screen.getByText('모두 45명')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('이름으로 찾기'), 'min');
    await user.selectOptions(screen.getByLabelText('역할'), 'admin');
    await user.click(screen.getByRole('button', { name: '찾기' }));
    await waitFor(() => expect(location()).toBe('/admin/users?q=min&role=admin'));
    await waitFor(() => expect(api.calls.at(-1)?.query.toString()).toBe('q=min&role=admin&page=1&pageSize=20'));

    await user.click(screen.getByRole('button', { name: '다음' }));
    await waitFor(() => expect(location()).toBe('/admin/users?q=min&role=admin&page=2'));
    expect(await screen.findByText('3쪽 중 2쪽')).toBeInTheDocument();
  });

  it('changes a role only after confirming, and shows last_admin translated', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('admin') },
      [`GET /admin/users/${target.id}/overview`]: { status: 200, body: { cohorts: [], enrolments: [] } },
      [`GET /admin/users/${target.id}`]: { status: 200, body: target },
      [`PATCH /admin/users/${target.id}`]: apiError(409, 'last_admin'),
    });
    renderApp(`/admin/users/${target.id}`);
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: '민수 님의 계정' });
    await user.selectOptions(screen.getByLabelText('역할'), 'learner');
    await user.click(screen.getByRole('button', { name: '역할 저장하기' }));
    expect(api.callsTo('PATCH', `/admin/users/${target.id}`)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: '네, 바꾸기' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('마지막 관리자는 바꾸거나 사용 중지할 수 없어요.');
    expect(api.callsTo('PATCH', `/admin/users/${target.id}`)[0]?.body).toEqual({ role: 'learner' });
  });

  it('disables an account and makes a reset code that is shown once', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('admin') },
      [`GET /admin/users/${target.id}/overview`]: { status: 200, body: { cohorts: [], enrolments: [] } },
      [`GET /admin/users/${target.id}`]: { status: 200, body: makeUser() },
      [`PATCH /admin/users/${target.id}`]: (req) => ({ status: 200, body: makeUser(req.body as object) }),
      [`POST /admin/users/${target.id}/reset-code`]: {
        status: 201,
        body: { code: 'WXYZ-2345-6789', expiresAt: '2026-04-01T09:00:00.000Z' },
      },
    });
    renderApp(`/admin/users/${target.id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '사용 중지하기' }));
    await user.click(screen.getByRole('button', { name: '네, 중지하기' }));
    expect(await screen.findByText('계정 사용을 중지했어요.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '다시 쓰게 하기' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '재설정 코드 만들기' }));
    await user.click(screen.getByRole('button', { name: '네, 만들기' }));
    expect(await screen.findByTestId('one-time-code')).toHaveTextContent('WXYZ-2345-6789');
  });
});
