import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe, makeUser } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const asAdmin = { 'GET /me': { status: 200, body: makeMe('admin') } };

describe('new user (admin)', () => {
  it('creates a user without a password and shows the one-time code once, with a note to hand it over', async () => {
    const api = mockApi({
      ...asAdmin,
      'POST /admin/users': {
        status: 201,
        body: {
          user: makeUser({ username: 'minsu', displayName: '민수' }),
          resetCode: { code: 'ABCD-EFGH-JKMN', expiresAt: '2026-04-01T09:00:00.000Z' },
        },
      },
    });
    renderApp('/admin/users/new');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('사용자 이름'), 'Minsu');
    await user.type(screen.getByLabelText('보이는 이름'), '민수');
    await user.selectOptions(screen.getByLabelText('언어'), 'zh');
    await user.click(screen.getByRole('button', { name: '만들기' }));

    expect(await screen.findByTestId('one-time-code')).toHaveTextContent('ABCD-EFGH-JKMN');
    // The person types both, so the username stands beside the code; the code takes the focus (on a phone the page was at the form).
    expect(screen.getByTestId('one-time-code-username')).toHaveTextContent('minsu');
    expect(screen.getByText('민수 님은 사용자 이름과 이 코드를 둘 다 입력해요.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('one-time-code-box')).toHaveFocus());
    expect(screen.getByRole('heading', { name: '민수 님의 재설정 코드' })).toBeInTheDocument();
    expect(screen.getByText('이 코드는 지금 한 번만 보여요.')).toBeInTheDocument();
    expect(screen.getByText(/이 코드를 민수 님에게 직접 전해 주세요/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '코드 복사하기' })).toBeInTheDocument();
    expect(screen.getByText('민수 님의 계정을 만들었어요.')).toBeInTheDocument();
    // An empty password box is not sent: the API then makes the code.
    expect(api.callsTo('POST', '/admin/users')[0]?.body).toEqual({
      username: 'minsu',
      displayName: '민수',
      role: 'learner',
      locale: 'zh',
    });
    expect(api.callsTo('POST', '/admin/users')[0]?.headers['x-dari-client']).toBe('web');
  });

  it('shows a taken username next to the field, translated', async () => {
    mockApi({ ...asAdmin, 'POST /admin/users': apiError(409, 'username_taken') });
    renderApp('/admin/users/new');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('사용자 이름'), 'minsu');
    await user.type(screen.getByLabelText('보이는 이름'), '민수');
    await user.type(screen.getByLabelText('처음 비밀번호 (선택)'), 'a long first password');
    await user.click(screen.getByRole('button', { name: '만들기' }));
    await waitFor(() => expect(screen.getByLabelText('사용자 이름')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getAllByText('이미 쓰고 있는 사용자 이름이에요. 다른 이름을 골라 주세요.').length).toBeGreaterThan(0);
    expect(screen.queryByTestId('one-time-code')).not.toBeInTheDocument();
  });

  it('checks the username rules before sending', async () => {
    const api = mockApi(asAdmin);
    renderApp('/admin/users/new');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('사용자 이름'), '-bad name');
    await user.type(screen.getByLabelText('보이는 이름'), '민수');
    await user.click(screen.getByRole('button', { name: '만들기' }));
    expect(await screen.findByText(/글자, 숫자, 점\(\.\), 빼기\(-\), 밑줄\(_\)만 쓸 수 있고/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/admin/users')).toHaveLength(0);
  });
});
