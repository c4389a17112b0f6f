import type { Role } from '@dari/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../test/fixtures';
import { apiError, mockApi } from '../test/mock-api';
import { renderApp } from '../test/render-app';

// Each role's own areas: admins also reach the course authoring and the program, managers read the courses.
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
});
