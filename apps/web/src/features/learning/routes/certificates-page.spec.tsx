import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { COURSE, freshDevice } from '../test-fixtures';

const at = '2026-04-03T09:00:00.000Z';
const certificate = (n: number, title: string, credential: Record<string, unknown>, valid = true) => ({
  id: `9d3c3e1e-1a2b-4c3d-8e4f-00000000000${n}`,
  code: `ABCD-EFGH-JKL${n}`,
  courseId: n === 1 ? COURSE : `9d3c3e1e-1a2b-4c3d-8e4f-10000000000${n}`,
  courseTitle: { ko: title },
  name: '하나',
  issuedAt: at,
  valid,
  credential,
});
const items = [
  certificate(1, '하나 과정', { state: 'issued', issuedAt: at }),
  certificate(2, '둘 과정', { state: 'withdrawn', issuedAt: at }),
  certificate(3, '셋 과정', { state: 'revoked', issuedAt: at }, false),
  certificate(4, '넷 과정', { state: 'none' }),
];

/** The text of the card whose heading is the course's title. */
async function card(title: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { level: 2, name: title });
  return heading.closest('li') as HTMLElement;
}

describe('my certificates: where each digital credential stands', () => {
  beforeEach(() => freshDevice());

  it('says issued, withdrawn, revoked or not issued on each certificate (Korean)', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /me/certificates': { status: 200, body: { items } },
    });
    renderApp('/learn/certificates');
    expect(await card('하나 과정')).toHaveTextContent('디지털 증명서: 발급됨');
    expect(await card('둘 과정')).toHaveTextContent('디지털 증명서: 내가 취소함');
    expect(await card('셋 과정')).toHaveTextContent('디지털 증명서: 운영 기관이 취소함');
    expect(await card('넷 과정')).toHaveTextContent('디지털 증명서: 받지 않음');
    expect(within(await card('하나 과정')).getByRole('link', { name: '하나 과정' })).toHaveAttribute(
      'href',
      '/learn/certificates/9d3c3e1e-1a2b-4c3d-8e4f-000000000001',
    );
  });

  it('in Chinese and in English', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner', { locale: 'zh' }) },
      'GET /me/certificates': { status: 200, body: { items } },
    });
    const first = renderApp('/learn/certificates');
    // The page speaks the person's saved language once /me has answered.
    await screen.findByText('数字证书：已发放');
    expect(await card('둘 과정')).toHaveTextContent('数字证书：已由你撤回');
    expect(await card('셋 과정')).toHaveTextContent('数字证书：已被发证机构撤销');
    first.unmount();

    freshDevice();
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner', { locale: 'en' }) },
      'GET /me/certificates': { status: 200, body: { items } },
    });
    renderApp('/learn/certificates');
    await screen.findByText('Digital credential: withdrawn by you');
    expect(await card('하나 과정')).toHaveTextContent('Digital credential: issued');
    expect(await card('넷 과정')).toHaveTextContent('Digital credential: not issued');
  });
});
