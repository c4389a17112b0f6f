import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { normalizeCode } from './admin-credentials-page';

const ISSUER = { name: '배움터', url: 'https://learn.example.org', did: 'did:web:learn.example.org' };
const asAdmin = {
  'GET /me': { status: 200, body: makeMe('admin') },
  'GET /admin/issuer': { status: 200, body: ISSUER },
};

async function open() {
  renderApp('/admin/credentials');
  expect(await screen.findByRole('heading', { level: 1, name: '디지털 증명서 관리' })).toBeInTheDocument();
  const revoke = screen.getByRole('region', { name: '증명서 취소' });
  return { user: userEvent.setup(), revoke };
}

describe('revoking a credential (admin)', () => {
  it('takes a code as people type it and a reason, asks once more, then revokes and says so', async () => {
    const api = mockApi({
      ...asAdmin,
      'POST /admin/credentials/revoke': (req) => ({
        status: 200,
        body: { code: (req.body as { code: string }).code, state: 'revoked', revokedAt: '2026-12-07T21:00:00.000Z' },
      }),
    });
    const { user, revoke } = await open();
    await user.type(within(revoke).getByLabelText('수료증 코드'), 'abcd efgh jkmn');
    const reason = within(revoke).getByLabelText('취소 이유');
    expect(reason).toHaveAccessibleDescription('감사 기록에만 남아요. 학습자의 배경을 알 수 있는 내용은 쓰지 마세요.');
    await user.type(reason, '잘못 발급됨');
    await user.click(within(revoke).getByRole('button', { name: '취소하기' }));
    const confirm = within(revoke).getByRole('group', { name: '취소하기' });
    expect(confirm).toHaveTextContent('ABCD-EFGH-JKMN 수료증과 디지털 증명서를 취소할까요? 되돌릴 수 없어요.');
    expect(api.callsTo('POST', '/admin/credentials/revoke')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: '네, 취소해요' }));
    expect(await within(revoke).findByText('ABCD-EFGH-JKMN 수료증을 취소했어요.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/admin/credentials/revoke').map((c) => c.body)).toEqual([
      { code: 'ABCD-EFGH-JKMN', reason: '잘못 발급됨' },
    ]);
    expect(within(revoke).getByLabelText('수료증 코드')).toHaveValue('');
  });

  it('a reason is required and a code must look like one: said on the fields, nothing sent', async () => {
    const api = mockApi(asAdmin);
    const { user, revoke } = await open();
    await user.type(within(revoke).getByLabelText('수료증 코드'), 'ABCD-EFGH');
    await user.click(within(revoke).getByRole('button', { name: '취소하기' }));
    expect(await within(revoke).findByText('ABCD-EFGH-JKMN처럼 12자리 코드를 써 주세요.')).toBeInTheDocument();
    expect(within(revoke).getByText('이 칸을 채워 주세요.')).toBeInTheDocument();
    expect(within(revoke).getByLabelText('취소 이유')).toHaveAttribute('aria-invalid', 'true');
    expect(within(revoke).queryByRole('group')).not.toBeInTheDocument();
    expect(api.callsTo('POST', '/admin/credentials/revoke')).toHaveLength(0);
  });

  it('an unknown code is said on the code field', async () => {
    mockApi({ ...asAdmin, 'POST /admin/credentials/revoke': apiError(404, 'not_found') });
    const { user, revoke } = await open();
    await user.type(within(revoke).getByLabelText('수료증 코드'), 'ZZZZ-ZZZZ-ZZZZ');
    await user.type(within(revoke).getByLabelText('취소 이유'), '시험');
    await user.click(within(revoke).getByRole('button', { name: '취소하기' }));
    await user.click(within(revoke).getByRole('button', { name: '네, 취소해요' }));
    expect(await within(revoke).findByText('이 코드로 된 수료증이 없어요.')).toBeInTheDocument();
    expect(within(revoke).getByLabelText('수료증 코드')).toHaveAttribute('aria-invalid', 'true');
    expect(within(revoke).getByLabelText('수료증 코드')).toHaveValue('ZZZZ-ZZZZ-ZZZZ');
  });

  it('normalizes codes like the verify page', () => {
    expect(normalizeCode(' abcd–efgh–jkmn ')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeCode('ABCD-EFGH-JK0N')).toBeNull();
    expect(normalizeCode('ABCD-EFGH-JKMNP')).toBeNull();
  });
});

describe('the issuer (admin)', () => {
  it('shows the issuer with a warning about revealing names, and saves a change (an empty logo is left out)', async () => {
    const api = mockApi({
      ...asAdmin,
      'PUT /admin/issuer': (req) => ({ status: 200, body: { ...ISSUER, ...(req.body as object) } }),
    });
    const { user } = await open();
    const section = screen.getByRole('region', { name: '발급 기관' });
    const name = await within(section).findByLabelText('기관 이름');
    expect(name).toHaveValue('배움터');
    expect(name).toHaveAccessibleDescription(/드러나지 않는 이름을 쓰세요/);
    expect(section).toHaveTextContent('did:web:learn.example.org');
    await user.clear(name);
    await user.type(name, '열린 배움 모임');
    await user.click(within(section).getByRole('button', { name: '발급 기관 저장하기' }));
    expect(
      await within(section).findByText('발급 기관을 저장했어요. 앞으로 발급하는 증명서에 쓰여요.'),
    ).toBeInTheDocument();
    expect(api.callsTo('PUT', '/admin/issuer').map((c) => c.body)).toEqual([
      { name: '열린 배움 모임', url: 'https://learn.example.org' },
    ]);
  });

  it('refuses an address that is not https:// on its field', async () => {
    const api = mockApi(asAdmin);
    const { user } = await open();
    const section = screen.getByRole('region', { name: '발급 기관' });
    const url = await within(section).findByLabelText('기관 누리집 주소');
    await user.clear(url);
    await user.type(url, 'http://learn.example.org');
    await user.type(within(section).getByLabelText('기관 로고 주소 (선택)'), 'javascript:alert(1)');
    await user.click(within(section).getByRole('button', { name: '발급 기관 저장하기' }));
    await waitFor(() => expect(within(section).getAllByText('https:// 로 시작하는 주소를 써 주세요.')).toHaveLength(2));
    expect(api.callsTo('PUT', '/admin/issuer')).toHaveLength(0);
  });

  it('is in the admin navigation', async () => {
    mockApi(asAdmin);
    await open();
    const nav = screen.getByRole('navigation', { name: '주 메뉴' });
    expect(within(nav).getByRole('link', { name: '증명서' })).toHaveAttribute('aria-current', 'page');
  });
});
