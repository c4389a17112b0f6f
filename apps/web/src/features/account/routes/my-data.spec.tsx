import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const devices = {
  items: [
    {
      id: '0a1b2c3d-0000-4000-8000-000000000001',
      userAgent: 'Chrome on Android',
      sharedDevice: false,
      createdAt: '2026-11-01T09:00:00.000Z',
      lastSeenAt: '2026-11-27T09:00:00.000Z',
      current: true,
    },
    {
      id: '0a1b2c3d-0000-4000-8000-000000000002',
      userAgent: 'Firefox on Windows',
      sharedDevice: true,
      createdAt: '2026-11-02T09:00:00.000Z',
      lastSeenAt: '2026-11-20T09:00:00.000Z',
      current: false,
    },
  ],
};

describe('account: devices, my data, erasure', () => {
  it('lists signed-in devices and ends another one', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /me/sessions': { status: 200, body: devices },
      [`DELETE /me/sessions/${devices.items[1].id}`]: { status: 204 },
    });
    renderApp('/account');
    expect(await screen.findByText('Android의 Chrome')).toBeInTheDocument();
    expect(screen.getByText('지금 쓰고 있는 이 기기')).toBeInTheDocument();
    const buttons = screen.getAllByRole('button', { name: /^이 기기에서 나가게 하기/ });
    expect(buttons).toHaveLength(1);
    await userEvent.setup().click(buttons[0]);
    await waitFor(() => expect(api.callsTo('DELETE', `/me/sessions/${devices.items[1].id}`)).toHaveLength(1));
  });

  it('offers the data download and erases the account only after the password', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /me/sessions': { status: 200, body: { items: [] } },
      'POST /me/erase': (req) =>
        (req.body as { password: string }).password === 'right one' ? { status: 204 } : apiError(400, 'wrong_password'),
    });
    const { location } = renderApp('/account');
    const link = await screen.findByRole('link', { name: '내 정보 모두 내려받기' });
    expect(link).toHaveAttribute('href', '/api/v1/me/export');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '계정 지우기…' }));
    const confirm = screen.getByRole('button', { name: '계정을 영구히 지워요' });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText('비밀번호를 넣어 확인해 주세요'), 'wrong');
    await user.click(confirm);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('비밀번호를 넣어 확인해 주세요'));
    await user.type(screen.getByLabelText('비밀번호를 넣어 확인해 주세요'), 'right one');
    await user.click(screen.getByRole('button', { name: '계정을 영구히 지워요' }));
    await waitFor(() =>
      expect(api.callsTo('POST', '/me/erase').map((c) => c.body)).toEqual([
        { password: 'wrong' },
        { password: 'right one' },
      ]),
    );
    // The person is told their account was erased, not just "signed out, see you next time".
    expect(await screen.findByText(/계정을 지웠어요/)).toBeInTheDocument();
    expect(screen.queryByText('나갔어요. 다음에 또 만나요.')).not.toBeInTheDocument();
    expect(location()).toBe('/sign-in?erased=1');
  });

  it('the privacy notice is public and plain', async () => {
    mockApi({
      'GET /me': {
        status: 401,
        body: { status: 401, code: 'unauthenticated', message: 'Please sign in.', requestId: 'x' },
      },
    });
    renderApp('/privacy');
    expect(await screen.findByRole('heading', { level: 1, name: '개인정보 안내' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '기록하지 않는 것' })).toBeInTheDocument();
    expect(screen.getByText(/이메일, 전화번호, 실명/)).toBeInTheDocument();
  });
});
