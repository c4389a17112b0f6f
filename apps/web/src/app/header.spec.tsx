import type { Role } from '@dari/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../test/fixtures';
import { apiError, mockApi, type MockResponse } from '../test/mock-api';
import { renderApp } from '../test/render-app';

// Each role's own areas: admins also reach the course authoring and the program, managers read the courses.
const SIGN_OUT_FAILED = '나가지 못했어요. 연결을 확인하고 다시 해 보세요.';

const cases: [Role, [string, string][]][] = [
  ['learner', [['나의 배움', '/learn']]],
  ['instructor', [['가르치기', '/teach']]],
  [
    'manager',
    [
      ['과정 운영', '/program'],
      ['과정 보기', '/teach'],
    ],
  ],
  [
    'admin',
    [
      ['관리', '/admin/users'],
      ['과정 운영', '/program'],
      ['가르치기', '/teach'],
    ],
  ],
];
const roleItems = [...new Set(cases.flatMap(([, items]) => items.map(([label]) => label)))];

describe('header navigation', () => {
  it.each(cases)('a %s sees only their own areas, plus account and sign out', async (role, items) => {
    mockApi({
      'GET /me': { status: 200, body: makeMe(role) },
      'GET /admin/users': { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } },
    });
    renderApp('/account');
    const nav = await screen.findByRole('navigation', { name: '주 메뉴' });
    for (const [label, href] of items)
      expect(within(nav).getByRole('link', { name: label })).toHaveAttribute('href', href);
    const mine = items.map(([label]) => label);
    for (const other of roleItems.filter((l) => !mine.includes(l))) {
      expect(within(nav).queryByRole('link', { name: other })).not.toBeInTheDocument();
    }
    expect(within(nav).getByRole('link', { name: '내 계정' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('button', { name: '나가기' })).toBeInTheDocument();
  });

  it('shows only the name and the language switch when signed out, with a skip link first', async () => {
    mockApi({ 'GET /me': apiError(401, 'unauthenticated') });
    renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: '들어가기' });
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Dari 다리' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('group', { name: '화면 언어' })).toBeInTheDocument();
    expect(screen.getAllByRole('link')[0]).toHaveTextContent('본문으로 바로 가기');
    expect(document.querySelectorAll('main#main')).toHaveLength(1);
  });

  it('signs out and says so on the sign-in page', async () => {
    const api = mockApi({ 'GET /me': { status: 200, body: makeMe('learner') }, 'POST /auth/logout': { status: 204 } });
    const { location } = renderApp('/learn');
    await userEvent.setup().click(await screen.findByRole('button', { name: '나가기' }));
    expect(await screen.findByText('나갔어요. 다음에 또 만나요.')).toBeInTheDocument();
    expect(location()).toBe('/sign-in?signed-out=1');
    expect(api.callsTo('POST', '/auth/logout')[0]?.headers['x-dari-client']).toBe('web');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('says "signed out", not "session ended", when a request sent before signing out is refused after it', async () => {
    // The unread count was asked for just before the click and answered after the server ended the session.
    let answerUnread: (res: MockResponse) => void = () => undefined;
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /me/notifications/unread-count': { status: 200, body: { count: 0 } },
    });
    const { location, client } = renderApp('/learn');
    const signOut = await screen.findByRole('button', { name: '나가기' });
    api.set(
      'GET /me/notifications/unread-count',
      () => new Promise<MockResponse>((resolve) => (answerUnread = resolve)),
    );
    api.set('POST /auth/logout', async () => {
      answerUnread(apiError(401, 'unauthenticated'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { status: 204 };
    });
    void client.invalidateQueries({ queryKey: ['inbox', 'unread'] });
    await waitFor(() => expect(api.callsTo('GET', '/me/notifications/unread-count').length).toBeGreaterThan(1));
    await userEvent.setup().click(signOut);
    expect(await screen.findByText('나갔어요. 다음에 또 만나요.')).toBeInTheDocument();
    expect(location()).toBe('/sign-in?signed-out=1');
  });

  it('stays signed in when signing out fails, and a later refusal is then an ended session', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /me/notifications/unread-count': { status: 200, body: { count: 0 } },
      'POST /auth/logout': apiError(503, 'unavailable'),
    });
    const { location, client } = renderApp('/learn');
    await userEvent.setup().click(await screen.findByRole('button', { name: '나가기' }));
    expect(await screen.findByText(SIGN_OUT_FAILED)).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: '주 메뉴' })).toBeInTheDocument();

    api.set('GET /me/notifications/unread-count', apiError(401, 'unauthenticated'));
    void client.invalidateQueries({ queryKey: ['inbox', 'unread'] });
    await waitFor(() => expect(location()).toBe('/sign-in?expired=1&next=%2Flearn'));
  });
});
