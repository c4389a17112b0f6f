import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { apiError, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { COURSE, freshDevice } from '../test-fixtures';

const CERT = '9d3c3e1e-1a2b-4c3d-8e4f-000000000777';
const certificate = (overrides: Record<string, unknown> = {}) => ({
  id: CERT,
  code: 'ABCD-EFGH-JKLM',
  courseId: COURSE,
  courseTitle: { ko: '일터의 권리' },
  name: '하나',
  issuedAt: '2026-04-03T09:00:00.000Z',
  valid: true,
  credential: { state: 'issued', issuedAt: '2026-04-03T09:00:00.000Z' },
  ...overrides,
});

describe('a certificate', () => {
  beforeEach(() => freshDevice());

  it('shows the chosen name, the course, the date, the code and where to verify it, and prints', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /me/certificates': { status: 200, body: { items: [certificate()] } },
    });
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderApp(`/learn/certificates/${CERT}`);
    const card = (await screen.findByRole('heading', { level: 2, name: '수료증' })).closest('section') as HTMLElement;
    expect(card).toHaveTextContent('하나');
    expect(card).toHaveTextContent('일터의 권리');
    expect(card).toHaveTextContent('2026년 4월 3일');
    expect(card).toHaveTextContent('ABCD-EFGH-JKLM');
    expect(within(card).getByRole('link', { name: /\/verify\/ABCD-EFGH-JKLM$/ })).toHaveAttribute(
      'href',
      '/verify/ABCD-EFGH-JKLM',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: '인쇄하거나 PDF로 저장하기' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('lets the learner choose the name on it, and explains who sees it', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /me/certificates': { status: 200, body: { items: [certificate()] } },
      [`PATCH /me/certificates/${CERT}`]: (req) => ({ status: 200, body: certificate(req.body as { name: string }) }),
    });
    renderApp(`/learn/certificates/${CERT}`);
    const field = await screen.findByLabelText('수료증에 쓸 이름');
    expect(field).toHaveValue('하나');
    expect(field).toHaveAccessibleDescription(
      '수료증을 보는 사람에게 이 이름이 보여요. 처음에는 나의 보이는 이름이에요. 별명도 괜찮아요.',
    );
    const user = userEvent.setup();
    await user.clear(field);
    await user.type(field, '  새별  ');
    await user.click(screen.getByRole('button', { name: '이름 저장하기' }));
    expect(await screen.findByText('수료증의 이름을 바꿨어요.')).toBeInTheDocument();
    expect(api.callsTo('PATCH', `/me/certificates/${CERT}`)[0]?.body).toEqual({ name: '새별' });
    const card = screen.getByRole('heading', { level: 2, name: '수료증' }).closest('section') as HTMLElement;
    await waitFor(() => expect(card).toHaveTextContent('새별'));
  });

  it('opens the certificate of a course from the finish screen link (?course=)', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /me/certificates': { status: 200, body: { items: [certificate()] } },
    });
    const { location } = renderApp(`/learn/certificates?course=${COURSE}`);
    await waitFor(() => expect(location()).toBe(`/learn/certificates/${CERT}`));
  });
});

describe('the credential on the certificate page', () => {
  beforeEach(() => freshDevice());

  const signedIn = (items: unknown[]) =>
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /me/certificates': { status: 200, body: { items } },
    });
  const panel = async () =>
    (await screen.findByRole('heading', { level: 2, name: '디지털 증명서' })).closest('section') as HTMLElement;

  it('issued: says so with the date, and offers the credential and both badge images as downloads', async () => {
    signedIn([certificate()]);
    renderApp(`/learn/certificates/${CERT}`);
    const section = await panel();
    expect(within(section).getByText('발급됨 (2026년 4월 3일)')).toBeInTheDocument();
    const downloads = within(section).getByRole('list', { name: '내려받기' });
    const links = within(downloads).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.hasAttribute('download')])).toEqual([
      ['증명서 파일 (.json)', `/api/v1/certificates/${CERT}/credential?download=1`, true],
      ['배지 그림 (PNG)', `/api/v1/certificates/${CERT}/badge.png`, true],
      ['배지 그림 (SVG)', `/api/v1/certificates/${CERT}/badge.svg`, true],
    ]);
    expect(within(section).getByRole('link', { name: '증명서 파일 확인하는 곳' })).toHaveAttribute(
      'href',
      '/verify/file',
    );
    // The QR code opens the public verify page for this certificate, with the app's origin.
    await waitFor(() =>
      expect(document.querySelector('svg.qr-code')).toHaveAttribute(
        'data-address',
        `${window.location.origin}/verify/ABCD-EFGH-JKLM`,
      ),
    );
  });

  it('withdrawing asks first, saying plainly that anyone holding it will see it as revoked', async () => {
    const api = signedIn([certificate()]);
    let state = 'issued';
    api.set('GET /me/certificates', () => ({
      status: 200,
      body: { items: [certificate({ credential: { state, issuedAt: '2026-04-03T09:00:00.000Z' } })] },
    }));
    api.set(`DELETE /certificates/${CERT}/credential`, () => {
      state = 'withdrawn';
      return { status: 200, body: { state: 'withdrawn', issuedAt: '2026-04-03T09:00:00.000Z' } };
    });
    renderApp(`/learn/certificates/${CERT}`);
    const section = await panel();
    const user = userEvent.setup();
    await user.click(within(section).getByRole('button', { name: '증명서 취소하기' }));
    const confirm = within(section).getByRole('group', { name: '증명서 취소하기' });
    expect(confirm).toHaveTextContent(
      '취소하면 이 증명서를 이미 받은 사람을 포함해 누구든 확인할 때 ‘취소됨’으로 보게 돼요.',
    );
    expect(api.callsTo('DELETE', `/certificates/${CERT}/credential`)).toHaveLength(0);
    // Cancel changes nothing.
    await user.click(within(confirm).getByRole('button', { name: '취소' }));
    expect(api.callsTo('DELETE', `/certificates/${CERT}/credential`)).toHaveLength(0);

    await user.click(within(section).getByRole('button', { name: '증명서 취소하기' }));
    await user.click(within(section).getByRole('button', { name: '네, 취소할게요' }));
    expect(await within(section).findByText('증명서를 취소했어요.')).toBeInTheDocument();
    expect(api.callsTo('DELETE', `/certificates/${CERT}/credential`)).toHaveLength(1);
    expect(
      await within(section).findByText('내가 취소했어요. 이 증명서를 가진 사람은 ‘취소됨’으로 봐요.'),
    ).toBeInTheDocument();
    // Nothing left to download; it can be asked for again.
    expect(within(section).queryByRole('list', { name: '내려받기' })).not.toBeInTheDocument();
    expect(within(section).getByRole('button', { name: '증명서 다시 받기' })).toBeInTheDocument();
  });

  it('withdrawn: asks for it again, and then it can be downloaded', async () => {
    const api = signedIn([certificate({ credential: { state: 'withdrawn', issuedAt: '2026-04-03T09:00:00.000Z' } })]);
    api.set(`POST /certificates/${CERT}/credential`, () => {
      api.set('GET /me/certificates', {
        status: 200,
        body: { items: [certificate({ credential: { state: 'issued', issuedAt: '2026-05-01T09:00:00.000Z' } })] },
      });
      return { status: 200, body: { '@context': [], type: ['VerifiableCredential'], issuer: 'did:key:z6Mk' } };
    });
    renderApp(`/learn/certificates/${CERT}`);
    const section = await panel();
    await userEvent.setup().click(within(section).getByRole('button', { name: '증명서 다시 받기' }));
    expect(await within(section).findByText('증명서를 발급했어요. 이제 내려받을 수 있어요.')).toBeInTheDocument();
    expect(await within(section).findByText('발급됨 (2026년 5월 1일)')).toBeInTheDocument();
    expect(within(section).getByRole('list', { name: '내려받기' })).toBeInTheDocument();
    expect(api.callsTo('POST', `/certificates/${CERT}/credential`)).toHaveLength(1);
  });

  it('never issued: offers to get one', async () => {
    signedIn([certificate({ credential: { state: 'none' } })]);
    renderApp(`/learn/certificates/${CERT}`);
    const section = await panel();
    expect(within(section).getByText('아직 받지 않았어요.')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: '디지털 증명서 받기' })).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: '증명서 취소하기' })).not.toBeInTheDocument();
  });

  it('revoked by an admin: says so, with no downloads and no way to ask again', async () => {
    signedIn([certificate({ valid: false, credential: { state: 'revoked', issuedAt: '2026-04-03T09:00:00.000Z' } })]);
    renderApp(`/learn/certificates/${CERT}`);
    const section = await panel();
    expect(
      within(section).getByText('운영 기관이 취소했어요. 이 증명서는 더 이상 유효하지 않아요.'),
    ).toBeInTheDocument();
    expect(within(section).queryByRole('list', { name: '내려받기' })).not.toBeInTheDocument();
    expect(within(section).queryAllByRole('button')).toHaveLength(0);
  });

  it('a refusal says why, readably, and shows where the credential now stands (an admin revoked it meanwhile)', async () => {
    const api = signedIn([certificate({ credential: { state: 'withdrawn', issuedAt: '2026-04-03T09:00:00.000Z' } })]);
    api.set(`POST /certificates/${CERT}/credential`, () => {
      api.set('GET /me/certificates', {
        status: 200,
        body: { items: [certificate({ valid: false, credential: { state: 'revoked' } })] },
      });
      return apiError(409, 'conflict');
    });
    renderApp(`/learn/certificates/${CERT}`);
    const section = await panel();
    await userEvent.setup().click(within(section).getByRole('button', { name: '증명서 다시 받기' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      '다른 변경과 겹쳤어요. 화면을 새로 고친 뒤 다시 해 보세요.',
    );
    expect(
      await within(section).findByText('운영 기관이 취소했어요. 이 증명서는 더 이상 유효하지 않아요.'),
    ).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: '증명서 다시 받기' })).not.toBeInTheDocument();
  });
});

describe('the public verification page', () => {
  it('shows only the name, the course, the date and that it is valid, signed out', async () => {
    const api = mockApi({
      'GET /me': apiError(401, 'unauthenticated'),
      'GET /certificates/verify/ABCD-EFGH-JKLM': {
        status: 200,
        body: { name: '하나', courseTitle: { ko: '일터의 권리' }, issuedAt: '2026-04-03T09:00:00.000Z', valid: true },
      },
    });
    renderApp('/verify/ABCD-EFGH-JKLM');
    expect(await screen.findByText('다리에서 발급한 진짜 수료증이에요.')).toBeInTheDocument();
    const result = screen.getByRole('region', { name: '확인 결과' });
    expect(result).toHaveTextContent('이름하나');
    expect(result).toHaveTextContent('과정일터의 권리');
    expect(result).toHaveTextContent('2026년 4월 3일');
    expect(api.callsTo('GET', '/me/certificates')).toHaveLength(0);
  });

  it('says when a certificate was withdrawn', async () => {
    mockApi({
      'GET /me': apiError(401, 'unauthenticated'),
      'GET /certificates/verify/ABCD-EFGH-JKLM': {
        status: 200,
        body: { name: '하나', courseTitle: { ko: '일터의 권리' }, issuedAt: '2026-04-03T09:00:00.000Z', valid: false },
      },
    });
    renderApp('/verify/ABCD-EFGH-JKLM');
    expect(await screen.findByText('이 수료증은 취소되어 더 이상 유효하지 않아요.')).toBeInTheDocument();
  });

  it('says plainly when no certificate has the code', async () => {
    mockApi({
      'GET /me': apiError(401, 'unauthenticated'),
      'GET /certificates/verify/ZZZZ-ZZZZ-ZZZZ': apiError(404, 'not_found'),
    });
    renderApp('/verify/ZZZZ-ZZZZ-ZZZZ');
    expect(await screen.findByRole('alert')).toHaveTextContent('이 코드로 된 수료증을 찾을 수 없어요.');
  });
});
