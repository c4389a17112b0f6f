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
