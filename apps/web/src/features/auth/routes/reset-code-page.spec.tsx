import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

async function fill(values: { username: string; code: string; password: string; confirm: string }) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('사용자 이름'), values.username);
  await user.type(screen.getByLabelText('재설정 코드'), values.code);
  await user.type(screen.getByLabelText('새 비밀번호'), values.password);
  await user.type(screen.getByLabelText('새 비밀번호 한 번 더'), values.confirm);
  await user.click(screen.getByRole('button', { name: '비밀번호 정하고 들어가기' }));
}

describe('reset-code page', () => {
  it('explains where the code comes from', async () => {
    mockApi({ 'GET /me': apiError(401, 'unauthenticated') });
    renderApp('/reset-code');
    expect(
      await screen.findByText('재설정 코드는 과정 담당자나 관리자가 만들어 주는 12자리 코드예요.'),
    ).toBeInTheDocument();
  });

  it('accepts the code with dashes, spaces and small letters, sets the password and signs in', async () => {
    const api = mockApi({
      'GET /me': apiError(401, 'unauthenticated'),
      'POST /auth/redeem-reset-code': { status: 204 },
      'POST /auth/login': { status: 200, body: makeMe('learner') },
    });
    const { location } = renderApp('/reset-code');
    await fill({
      username: 'hana',
      code: 'abcd-efgh jkmn',
      password: 'a new long password',
      confirm: 'a new long password',
    });

    await waitFor(() => expect(location()).toBe('/learn'));
    expect(api.callsTo('POST', '/auth/redeem-reset-code')[0]?.body).toEqual({
      username: 'hana',
      code: 'ABCDEFGHJKMN',
      newPassword: 'a new long password',
    });
    expect(api.callsTo('POST', '/auth/login')[0]?.body).toEqual({ username: 'hana', password: 'a new long password' });
  });

  it('checks the code, the length and the confirmation before sending', async () => {
    const api = mockApi({ 'GET /me': apiError(401, 'unauthenticated') });
    renderApp('/reset-code');
    await fill({ username: 'hana', code: 'ABCD-EFGH', password: 'short', confirm: 'other' });
    expect(await screen.findByText('받은 12자리 코드를 그대로 써 주세요.')).toBeInTheDocument();
    expect(screen.getByText('8자 이상 써 주세요.')).toBeInTheDocument();
    expect(screen.getByText('두 비밀번호가 서로 달라요.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/auth/redeem-reset-code')).toHaveLength(0);
  });

  it('says when the code is wrong or expired', async () => {
    mockApi({
      'GET /me': apiError(401, 'unauthenticated'),
      'POST /auth/redeem-reset-code': apiError(400, 'invalid_reset_code'),
    });
    renderApp('/reset-code');
    await fill({
      username: 'hana',
      code: 'ABCDEFGHJKMN',
      password: 'a new long password',
      confirm: 'a new long password',
    });
    const messages = await screen.findAllByText(
      '코드가 맞지 않거나 기한이 지났어요. 담당자에게 새 코드를 받아 주세요.',
    );
    expect(messages.length).toBeGreaterThan(0);
    expect(screen.getByLabelText('재설정 코드')).toHaveAttribute('aria-invalid', 'true');
  });
});
