import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n, setLanguage } from '../../../i18n';
import { makeMe } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const signedOut = { 'GET /me': apiError(401, 'unauthenticated') };

async function fillAndSubmit(username: string, password: string) {
  const user = userEvent.setup();
  if (username) await user.type(await screen.findByLabelText('사용자 이름'), username);
  if (password) await user.type(screen.getByLabelText('비밀번호'), password);
  await user.click(await screen.findByRole('button', { name: '들어가기' })); // the page is its own chunk
  return user;
}

describe('sign-in page', () => {
  it('shows translated messages next to empty fields and sends nothing', async () => {
    const api = mockApi(signedOut);
    renderApp('/sign-in');
    await fillAndSubmit('', '');
    const required = await screen.findAllByText('이 칸을 채워 주세요.');
    expect(required).toHaveLength(2);
    expect(screen.getByLabelText('사용자 이름')).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', '/auth/login')).toHaveLength(0);
  });

  it('shows one wrong-credentials message on 401 and clears the password', async () => {
    mockApi({ ...signedOut, 'POST /auth/login': apiError(401, 'invalid_credentials') });
    renderApp('/sign-in');
    await fillAndSubmit('hana', 'wrong-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('사용자 이름이나 비밀번호가 맞지 않아요.');
    expect(screen.getByLabelText('비밀번호')).toHaveValue('');
  });

  it('says how many minutes to wait after too many attempts', async () => {
    mockApi({ ...signedOut, 'POST /auth/login': apiError(429, 'too_many_attempts', { retryAfter: 250 }) });
    renderApp('/sign-in');
    await fillAndSubmit('hana', 'whatever-1');
    expect(await screen.findByRole('alert')).toHaveTextContent('너무 여러 번 시도했어요. 5분 뒤에 다시 해 보세요.');
  });

  it('says so in English with the right plural', async () => {
    await setLanguage('en');
    mockApi({ ...signedOut, 'POST /auth/login': apiError(429, 'too_many_attempts', { retryAfter: 60 }) });
    renderApp('/sign-in');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'hana');
    await user.type(screen.getByLabelText('Password'), 'whatever-1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please wait 1 minute and try again.');
    expect(i18n.language).toBe('en');
  });

  it('signs in (with the shared-phone choice) and goes to the role home', async () => {
    const api = mockApi({ ...signedOut, 'POST /auth/login': { status: 200, body: makeMe('learner') } });
    const { location } = renderApp('/sign-in');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('사용자 이름'), '  Hana ');
    await user.type(screen.getByLabelText('비밀번호'), 'correct horse');
    await user.click(screen.getByLabelText(/여러 사람이 함께 쓰는 휴대폰이에요/));
    await user.click(screen.getByRole('button', { name: '들어가기' }));
    expect(await screen.findByRole('heading', { level: 1, name: '하나 님, 반가워요' })).toBeInTheDocument();
    expect(location()).toBe('/learn');
    expect(api.callsTo('POST', '/auth/login')[0]?.body).toEqual({
      username: 'Hana',
      password: 'correct horse',
      sharedDevice: true,
    });
    // The title is set in an effect after the heading renders.
    await waitFor(() => expect(document.title).toBe('하나 님, 반가워요 · Dari 다리'));
  });

  it('returns to a safe `next` after signing in, and ignores an unsafe one', async () => {
    mockApi({ ...signedOut, 'POST /auth/login': { status: 200, body: makeMe('admin') } });
    const first = renderApp('/sign-in?next=%2Faccount');
    await fillAndSubmit('root', 'long enough');
    await waitFor(() => expect(first.location()).toBe('/account'));
    first.unmount();

    mockApi({ ...signedOut, 'POST /auth/login': { status: 200, body: makeMe('admin') } });
    const second = renderApp('/sign-in?next=%2F%2Fevil.example');
    await fillAndSubmit('root', 'long enough');
    await waitFor(() => expect(second.location()).toBe('/admin/users'));
  });

  it('links to the reset-code page', async () => {
    mockApi(signedOut);
    renderApp('/sign-in');
    expect(await screen.findByRole('link', { name: '재설정 코드를 받았어요' })).toHaveAttribute('href', '/reset-code');
  });
});
