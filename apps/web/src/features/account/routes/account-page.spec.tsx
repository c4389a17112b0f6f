import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

describe('account page', () => {
  it('shows username and role, and saves a new display name with a polite confirmation', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'PATCH /me': (req) => ({ status: 200, body: makeMe('learner', req.body as object) }),
    });
    renderApp('/account');
    expect(await screen.findByText('learner1')).toBeInTheDocument();
    expect(screen.getByText('학습자')).toBeInTheDocument();
    const user = userEvent.setup();
    const name = screen.getByLabelText('보이는 이름');
    await user.clear(name);
    await user.type(name, '별');
    await user.click(screen.getByRole('button', { name: '저장하기' }));
    const saved = await screen.findByText('보이는 이름을 저장했어요.');
    expect(saved.closest('[aria-live="polite"]')).not.toBeNull();
    expect(api.callsTo('PATCH', '/me')[0]?.body).toEqual({ displayName: '별' });
  });

  it('changes the password, showing a wrong current password next to its field', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'POST /me/password': apiError(400, 'wrong_password'),
    });
    renderApp('/account');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('지금 비밀번호'), 'not it');
    await user.type(screen.getByLabelText('새 비밀번호'), 'a brand new password');
    await user.type(screen.getByLabelText('새 비밀번호 한 번 더'), 'a brand new password');
    await user.click(screen.getByRole('button', { name: '비밀번호 바꾸기' }));
    await waitFor(() => expect(screen.getByLabelText('지금 비밀번호')).toHaveAttribute('aria-invalid', 'true'));

    api.set('POST /me/password', { status: 204 });
    await user.click(screen.getByRole('button', { name: '비밀번호 바꾸기' }));
    expect(await screen.findByText('비밀번호를 바꿨어요. 다른 기기에서는 모두 나가졌어요.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/me/password')[1]?.body).toEqual({
      currentPassword: 'not it',
      newPassword: 'a brand new password',
    });
  });

  it('signs out everywhere only after confirming', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'POST /auth/logout-all': { status: 204 },
    });
    const { location } = renderApp('/account');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '모든 기기에서 나가기' }));
    expect(api.callsTo('POST', '/auth/logout-all')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: '네, 모두 나가기' }));
    await waitFor(() => expect(location()).toBe('/sign-in?signed-out=1'));
  });
});
