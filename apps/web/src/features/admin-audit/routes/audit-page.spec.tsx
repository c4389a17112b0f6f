import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { allCatalogues } from '../../../i18n/locales/all';
import { makeMe, makeUser } from '../../../test/fixtures';
import { apiError, mockApi, type MockRequest } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import type { AuditEvent } from '../api/list-audit';

const minsu = makeUser({ id: '5d1b2c3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d', username: 'minsu', displayName: '민수' });
const admin = makeMe('admin');

const failed: AuditEvent = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  occurredAt: '2026-11-27T15:30:05.000Z', // 2026-11-28 00:30:05 in Seoul
  action: 'login.failed',
  actor: null,
  target: { id: minsu.id, displayName: '민수' },
  requestId: 'req-1',
  details: {},
};
const roleChange: AuditEvent = {
  id: 'a1b2c3d4-0000-4000-8000-000000000002',
  occurredAt: '2026-11-26T01:00:00.000Z',
  action: 'user.role_changed',
  actor: { id: admin.id, displayName: admin.displayName },
  target: { id: minsu.id, displayName: '민수' },
  requestId: 'req-2',
  details: { from: 'learner', to: 'instructor' },
};
const future: AuditEvent = {
  ...roleChange,
  id: 'a1b2c3d4-0000-4000-8000-000000000003',
  action: 'something.new',
  details: { courseId: 'x' },
};

const revoked: AuditEvent = {
  ...roleChange,
  id: 'a1b2c3d4-0000-4000-8000-000000000004',
  action: 'credential.revoked',
  target: null,
  details: { certificateId: 'x', credentialIds: ['y'], reason: '잘못 발급됨' },
};

function page(items: AuditEvent[], total = items.length) {
  return (req: MockRequest) => ({
    status: 200,
    body: { items, total, page: Number(req.query.get('page') ?? 1), pageSize: Number(req.query.get('pageSize') ?? 50) },
  });
}

describe('admin audit log', () => {
  it('lists events with translated actions, Korea-time timestamps and readable details', async () => {
    mockApi({
      'GET /me': { status: 200, body: admin },
      'GET /admin/audit': page([failed, roleChange, future]),
    });
    renderApp('/admin/audit');
    expect(await screen.findByRole('heading', { level: 1, name: '감사 기록' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: '감사 기록 (최근 것부터)' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    // The failed sign-in: a translated name, no one signed in, the learner it concerned, and the Seoul date.
    const time = within(rows[0]).getByRole('rowheader').querySelector('time')!;
    expect(time).toHaveAttribute('datetime', failed.occurredAt);
    expect(time.textContent).toContain('2026. 11. 28.');
    expect(time.textContent).toMatch(/12:30:05/);
    expect(within(rows[0]).getByText('로그인 실패')).toBeInTheDocument();
    expect(within(rows[0]).getByText('없음 (로그인 전이거나 시스템)')).toBeInTheDocument();
    expect(within(rows[0]).getByText('민수')).toBeInTheDocument();
    // A role change in words, with translated roles.
    expect(within(rows[1]).getByText('역할 바꾸기')).toBeInTheDocument();
    expect(within(rows[1]).getByText('학습자 → 강사')).toBeInTheDocument();
    // An action this page does not know yet shows as the API names it, and raw ids stay out.
    expect(within(rows[2]).getByText('something.new')).toBeInTheDocument();
    expect(rows[2].textContent).not.toContain('courseId');
    expect(screen.getByText('모두 3건 중 1–3번째')).toHaveAttribute('role', 'status');
  });

  it("names a credential revocation and shows the admin's reason, without raw ids", async () => {
    mockApi({ 'GET /me': { status: 200, body: admin }, 'GET /admin/audit': page([revoked]) });
    renderApp('/admin/audit');
    const table = await screen.findByRole('table', { name: '감사 기록 (최근 것부터)' });
    const row = within(table).getAllByRole('row')[1];
    expect(within(row).getByText('관리자가 증명서 취소')).toBeInTheDocument();
    expect(within(row).getByText('이유: 잘못 발급됨')).toBeInTheDocument();
    expect(row.textContent).not.toContain('certificateId');
  });

  it('turns a username into the id the API takes, filters by action and Korean days, and moves focus to the results', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: admin },
      'GET /admin/users': {
        status: 200,
        body: {
          items: [makeUser({ id: 'ffffffff-0000-4000-8000-000000000000', username: 'minsu2' }), minsu],
          total: 2,
          page: 1,
          pageSize: 100,
        },
      },
      'GET /admin/audit': (req) =>
        page(req.query.get('action') ? [failed] : [failed, roleChange], req.query.get('action') ? 1 : 2)(req),
    });
    renderApp('/admin/audit');
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('대상이 된 사람'), 'MinSu');
    await user.selectOptions(screen.getByLabelText('한 일'), 'login.failed');
    await user.type(screen.getByLabelText('시작 날짜'), '2026-11-28');
    await user.type(screen.getByLabelText('끝 날짜'), '2026-11-28');
    await user.click(screen.getByRole('button', { name: '찾기' }));

    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: '기록' })).toHaveFocus());
    expect(api.callsTo('GET', '/admin/users').at(-1)?.query.get('q')).toBe('minsu');
    const query = api.callsTo('GET', '/admin/audit').at(-1)!.query;
    expect(Object.fromEntries(query)).toEqual({
      targetUserId: minsu.id,
      action: 'login.failed',
      from: '2026-11-28T00:00:00+09:00',
      to: '2026-11-29T00:00:00+09:00',
      page: '1',
      pageSize: '50',
    });
    expect(screen.getByText('모두 1건 중 1–1번째')).toHaveAttribute('aria-live', 'polite');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
  });

  it('says so, next to the field, when no account has that username, and does not search', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: admin },
      'GET /admin/users': { status: 200, body: { items: [minsu], total: 1, page: 1, pageSize: 100 } },
      'GET /admin/audit': page([]),
    });
    renderApp('/admin/audit');
    expect(await screen.findByText('조건에 맞는 기록이 없어요.')).toBeInTheDocument();
    const user = userEvent.setup();
    const actor = screen.getByLabelText('한 사람');
    await user.type(actor, 'mins');
    await user.click(screen.getByRole('button', { name: '찾기' }));
    await waitFor(() => expect(actor).toHaveFocus());
    expect(actor).toHaveAttribute('aria-invalid', 'true');
    expect(actor).toHaveAccessibleDescription(/‘mins’ 사용자 이름이나 ID를 가진 계정이 없어요/);
    expect(api.callsTo('GET', '/admin/audit')).toHaveLength(1);
  });

  it('says plainly when the username could not be looked up, and keeps the results', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: admin },
      'GET /admin/users': apiError(503, 'service_unavailable'),
      'GET /admin/audit': page([failed]),
    });
    renderApp('/admin/audit');
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('한 사람'), 'minsu');
    await user.click(screen.getByRole('button', { name: '찾기' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('다리가 잠시 쉬고 있어요. 조금 뒤 다시 해 보세요.');
    expect(screen.getByRole('table')).toBeInTheDocument();
    // …marked as the earlier search's, since the new one did not run.
    expect(screen.getByText('아래는 이전 검색의 결과예요. 새로 찾지 못했어요.')).toBeInTheDocument();
    expect(api.callsTo('GET', '/admin/audit')).toHaveLength(1);
  });

  it('finds the exact username among many that contain it', async () => {
    const others = Array.from({ length: 100 }, (_, i) =>
      makeUser({ id: `ffffffff-0000-4000-8000-${String(i).padStart(12, '0')}`, username: `a${i}minsu` }),
    );
    const api = mockApi({
      'GET /me': { status: 200, body: admin },
      'GET /admin/users': (req) => ({
        status: 200,
        body: {
          items: req.query.get('page') === '1' ? others : [minsu],
          total: 101,
          page: Number(req.query.get('page')),
          pageSize: 100,
        },
      }),
      'GET /admin/audit': page([failed]),
    });
    renderApp('/admin/audit');
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('한 사람'), 'minsu');
    await user.click(screen.getByRole('button', { name: '찾기' }));
    await waitFor(() => expect(api.callsTo('GET', '/admin/audit')).toHaveLength(2));
    expect(api.callsTo('GET', '/admin/users').map((c) => c.query.get('page'))).toEqual(['1', '2']);
    expect(api.callsTo('GET', '/admin/audit')[1].query.get('actorId')).toBe(minsu.id);
  });

  it('takes an account id as is, refuses an end date before the start, and pages', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: admin },
      'GET /admin/audit': page([failed], 120),
    });
    renderApp('/admin/audit');
    await screen.findByText('모두 120건 중 1–1번째');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('시작 날짜'), '2026-11-20');
    await user.type(screen.getByLabelText('끝 날짜'), '2026-11-10');
    await user.click(screen.getByRole('button', { name: '찾기' }));
    expect(await screen.findByText('끝 날짜는 시작 날짜와 같거나 그 뒤여야 해요.')).toBeInTheDocument();
    expect(screen.getByLabelText('끝 날짜')).toHaveFocus();
    expect(api.callsTo('GET', '/admin/audit')).toHaveLength(1);

    await user.clear(screen.getByLabelText('끝 날짜'));
    await user.type(screen.getByLabelText('한 사람'), admin.id.toUpperCase());
    await user.click(screen.getByRole('button', { name: '찾기' }));
    await waitFor(() => expect(api.callsTo('GET', '/admin/audit')).toHaveLength(2));
    expect(api.callsTo('GET', '/admin/users')).toHaveLength(0);
    expect(api.callsTo('GET', '/admin/audit')[1].query.get('actorId')).toBe(admin.id);

    expect(await screen.findByText('3쪽 중 1쪽')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '다음' }));
    expect(await screen.findByText('3쪽 중 2쪽')).toBeInTheDocument();
    const last = api.callsTo('GET', '/admin/audit').at(-1)!.query;
    expect(last.get('page')).toBe('2');
    expect(last.get('actorId')).toBe(admin.id);
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: '기록' })).toHaveFocus());
  });

  it('after a failed load shows no results from before as if they were current', async () => {
    let fail = false;
    const api = mockApi({
      'GET /me': { status: 200, body: admin },
      'GET /admin/audit': (req) => (fail ? apiError(503, 'service_unavailable') : page([failed], 120)(req)),
    });
    renderApp('/admin/audit');
    await screen.findByText('3쪽 중 1쪽');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '다음' }));
    expect(await screen.findByText('3쪽 중 2쪽')).toBeInTheDocument();
    // Page 1 is in the cache; going back to it asks again, and that fails.
    fail = true;
    await user.click(screen.getByRole('button', { name: '이전' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('다리가 잠시 쉬고 있어요.');
    expect(api.callsTo('GET', '/admin/audit')).toHaveLength(3);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText(/모두 120건/)).not.toBeInTheDocument();
    expect(screen.queryByText(/3쪽 중/)).not.toBeInTheDocument();

    fail = false;
    await user.click(screen.getByRole('button', { name: '다시 해 보기' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.getByText('3쪽 중 1쪽')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is in the admin menu, and every action the filter offers has a label in every language', async () => {
    mockApi({ 'GET /me': { status: 200, body: admin }, 'GET /admin/audit': page([]) });
    renderApp('/admin/audit');
    const nav = await screen.findByRole('navigation', { name: '주 메뉴' });
    expect(within(nav).getByRole('link', { name: '감사 기록' })).toHaveAttribute('href', '/admin/audit');
    const options = within(screen.getByLabelText('한 일')).getAllByRole('option');
    expect(options.length).toBeGreaterThan(20);
    const catalogues = allCatalogues();
    for (const option of options.slice(1)) {
      for (const lng of ['ko', 'en', 'zh'] as const) {
        const key = `adminAudit.actions.${option.getAttribute('value')!.replace(/\./g, '_')}`;
        const label = key
          .split('.')
          .reduce<unknown>((tree, k) => (tree as Record<string, unknown> | undefined)?.[k], catalogues[lng]);
        expect(label, `${lng} ${key}`).toEqual(expect.any(String));
      }
    }
  });
});
