import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meQueryKey } from '../lib/session';
import { makeMe } from '../test/fixtures';
import { apiError, mockApi } from '../test/mock-api';
import { renderApp } from '../test/render-app';

describe('session and guards', () => {
  it('sends a person whose session expired to sign in with a notice, then back where they were', async () => {
    const api = mockApi({ 'GET /me': { status: 200, body: makeMe('learner') } });
    const { client, location } = renderApp('/learn?tab=2');
    await screen.findByRole('heading', { level: 1, name: '하나 님, 반가워요' });

    // The server ends the session (idle timeout): the next check of /me answers 401.
    api.set('GET /me', apiError(401, 'unauthenticated'));
    await act(() => client.invalidateQueries({ queryKey: meQueryKey }));

    expect(await screen.findByText('들어가 있던 시간이 끝났어요. 다시 들어가 주세요.')).toBeInTheDocument();
    expect(location()).toBe('/sign-in?expired=1&next=%2Flearn%3Ftab%3D2');

    api.set('POST /auth/login', { status: 200, body: makeMe('learner') });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('사용자 이름'), 'learner1');
    await user.type(screen.getByLabelText('비밀번호'), 'long enough');
    await user.click(screen.getByRole('button', { name: '들어가기' }));
    await waitFor(() => expect(location()).toBe('/learn?tab=2'));
  });

  it('treats a 401 on any other request the same way', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('admin') },
      'GET /admin/users': apiError(401, 'unauthenticated'),
    });
    const { location } = renderApp('/admin/users');
    expect(await screen.findByText('들어가 있던 시간이 끝났어요. 다시 들어가 주세요.')).toBeInTheDocument();
    expect(location()).toBe('/sign-in?expired=1&next=%2Fadmin%2Fusers');
  });

  it('sends a signed-out person to sign in, keeping where they wanted to go', async () => {
    mockApi({ 'GET /me': apiError(401, 'unauthenticated') });
    const { location } = renderApp('/account');
    await screen.findByRole('heading', { level: 1, name: '들어가기' });
    expect(location()).toBe('/sign-in?next=%2Faccount');
    expect(screen.queryByText('들어가 있던 시간이 끝났어요. 다시 들어가 주세요.')).not.toBeInTheDocument();
  });

  it('sends / to the role home when signed in and to sign-in otherwise', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('manager') },
      'GET /cohorts': { status: 200, body: { items: [] } },
    });
    const first = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: '박담당 님, 반가워요' })).toBeInTheDocument();
    expect(await screen.findByText(/아직 맡은 기수가 없어요/)).toBeInTheDocument();
    expect(first.location()).toBe('/program');
    first.unmount();

    mockApi({ 'GET /me': apiError(401, 'unauthenticated') });
    const second = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: '들어가기' });
    expect(second.location()).toBe('/sign-in');
  });

  it('shows a translated "not allowed here" page for the wrong role', async () => {
    mockApi({ 'GET /me': { status: 200, body: makeMe('learner') } });
    renderApp('/admin/users');
    expect(await screen.findByRole('heading', { level: 1, name: '들어갈 수 없는 곳이에요' })).toBeInTheDocument();
  });

  it('shows a translated 404 page', async () => {
    mockApi({ 'GET /me': apiError(401, 'unauthenticated') });
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: '찾는 화면이 없어요' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('찾는 화면이 없어요 · Dari 다리'));
  });

  it('says plainly when Dari cannot be reached, and tries again', async () => {
    let online = false;
    mockApi({
      'GET /me': () => {
        if (!online) throw new TypeError('Failed to fetch');
        return { status: 200, body: makeMe('learner') };
      },
    });
    renderApp('/learn');
    expect(await screen.findByRole('alert')).toHaveTextContent('인터넷에 연결되어 있지 않거나 다리에 닿을 수 없어요.');
    online = true;
    await userEvent.setup().click(screen.getByRole('button', { name: '다시 해 보기' }));
    expect(await screen.findByRole('heading', { level: 1, name: '하나 님, 반가워요' })).toBeInTheDocument();
  });

  it('shows a translated error page with "try again" when a page crashes, never a blank page', async () => {
    // A malformed answer (a date that is not a date) makes the page fail while drawing.
    mockApi({
      'GET /me': { status: 200, body: makeMe('admin') },
      'GET /admin/users/5d1b2c3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d': {
        status: 200,
        body: {
          id: '5d1b2c3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
          username: 'x',
          displayName: 'X',
          role: 'learner',
          status: 'active',
          locale: 'ko',
          createdAt: 'not a date',
          lastLoginAt: null,
        },
      },
    });
    const original = console.error;
    console.error = () => undefined; // React logs the caught error; keep the test output readable
    try {
      renderApp('/admin/users/5d1b2c3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
      expect(await screen.findByRole('heading', { level: 1, name: '문제가 생겼어요' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: '다시 해 보기' })).toBeInTheDocument();
      expect(screen.getByRole('navigation', { name: '주 메뉴' })).toBeInTheDocument();
    } finally {
      console.error = original;
    }
  });
});
