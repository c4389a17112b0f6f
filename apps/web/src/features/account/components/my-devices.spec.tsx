import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import type { Device } from '../api/sessions';

const device = (n: number, extra: Partial<Device> = {}): Device => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  userAgent: 'Chrome on Linux',
  sharedDevice: false,
  createdAt: `2026-12-0${n}T05:0${n}:00.000Z`, // 14:0n in Seoul
  lastSeenAt: `2026-12-07T0${n}:30:00.000Z`,
  current: false,
  ...extra,
});

describe('my devices (account page)', () => {
  it('tells identical browsers apart by time, marks this device first, and ends all the others at once', async () => {
    let items = [device(1), device(2), device(3, { current: true }), device(4, { userAgent: 'Safari on iOS' })];
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('manager') },
      'GET /me/sessions': () => ({ status: 200, body: { items } }),
      'POST /me/sessions/end-others': () => {
        items = items.filter((d) => d.current);
        return { status: 200, body: { ended: 3 } };
      },
    });
    renderApp('/account');
    const rows = await screen.findAllByTestId('device');
    expect(rows).toHaveLength(4);
    // This device comes first, marked in words.
    expect(rows[0]).toHaveTextContent('지금 쓰고 있는 이 기기');
    expect(rows[0]).toHaveTextContent('로그인: 2026. 12. 3. 14:03');
    expect(rows[0]).toHaveTextContent('마지막 사용: 2026. 12. 7. 12:30');
    expect(rows[1]).toHaveTextContent('Linux의 Chrome');
    expect(rows[1]).toHaveTextContent('로그인: 2026. 12. 1. 14:01');
    expect(rows[1]).not.toHaveTextContent('지금 쓰고 있는 이 기기');
    expect(rows[3]).toHaveTextContent('iOS의 Safari');
    expect(within(rows[0]).queryByRole('button')).toBeNull();
    expect(
      within(rows[1]).getByRole('button', {
        name: '이 기기에서 나가게 하기: Linux의 Chrome, 2026. 12. 1. 14:01 로그인',
      }),
    );

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '다른 기기 3대에서 모두 나가게 하기' }));
    expect(api.callsTo('POST', '/me/sessions/end-others')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: '네, 다른 기기에서 모두 나가게 하기' }));
    expect(
      await screen.findByText('다른 기기 3대에서 나가게 했어요. 이 기기는 그대로 로그인되어 있어요.'),
    ).toBeInTheDocument();
    expect(api.callsTo('POST', '/me/sessions/end-others')[0]?.headers['x-dari-client']).toBe('web');
    await waitFor(() => expect(screen.getAllByTestId('device')).toHaveLength(1));
    expect(screen.getByText('다른 기기에는 로그인되어 있지 않아요.')).toBeInTheDocument();
  });
});
