import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const COHORT = '11111111-1111-4111-8111-111111111111';
const ANNOUNCEMENT = '22222222-2222-4222-8222-222222222222';
const ASSIGNED = '33333333-3333-4333-8333-333333333333';
const COURSE = '44444444-4444-4444-8444-444444444444';

function inbox(announcementRead: boolean) {
  return {
    items: [
      {
        id: ANNOUNCEMENT,
        kind: 'announcement',
        ref: { type: 'announcement', id: COHORT },
        data: {},
        createdAt: '2026-04-02T09:00:00.000Z',
        read: announcementRead,
        courseSlug: null,
        html: { ko: '<h2>모임</h2><p><strong>화요일</strong> 저녁</p>', zh: '<p>周<strong>二</strong>晚上</p>' },
      },
      {
        id: ASSIGNED,
        kind: 'course_assigned',
        ref: { type: 'course', id: COURSE },
        data: {},
        createdAt: '2026-04-01T09:00:00.000Z',
        read: true,
        courseSlug: 'rights-101',
        html: null,
      },
    ],
    next: null,
  };
}

describe('the inbox', () => {
  it("shows an announcement as the server rendered it, each item's sentence and link; reading one marks it read", async () => {
    let read = false;
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /me/notifications': () => ({ status: 200, body: inbox(read) }),
      'GET /me/notifications/unread-count': () => ({ status: 200, body: { unread: read ? 0 : 1 } }),
      [`POST /me/notifications/${ANNOUNCEMENT}/read`]: () => {
        read = true;
        return { status: 204 };
      },
    });
    renderApp('/inbox');
    const announcement = (await screen.findByText('반에서 온 공지예요.')).closest('li')!;
    const assigned = screen.getByText('새 과정이 배정되었어요.').closest('li')!;
    // The server's HTML as it came (its heading under the page's h1), read state in words.
    expect(within(announcement).getByRole('heading', { level: 2, name: '모임' })).toBeInTheDocument();
    expect(within(announcement).getByText('화요일').tagName).toBe('STRONG');
    expect(within(announcement).getByText('읽지 않음')).toBeInTheDocument();
    expect(within(announcement).getByText('반에서 온 공지예요.')).toBeInTheDocument();
    // A course assigned links to its course; a read item has no button.
    expect(within(assigned).getByRole('link')).toHaveAttribute('href', '/learn/courses/rights-101');
    expect(within(assigned).queryByRole('button')).toBeNull();

    await userEvent.setup().click(within(announcement).getByRole('button', { name: '읽음으로 표시' }));
    expect(api.callsTo('POST', `/me/notifications/${ANNOUNCEMENT}/read`)).toHaveLength(1);
    expect(await within(announcement).findByText('읽음')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '읽음으로 표시' })).toBeNull();
  });

  it("a Chinese reader sees the announcement's Chinese, marked as Chinese", async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner', { locale: 'zh' }) },
      'GET /me/notifications': { status: 200, body: inbox(false) },
      'GET /me/notifications/unread-count': { status: 200, body: { unread: 1 } },
    });
    renderApp('/inbox');
    const strong = await screen.findByText('二');
    expect(strong.tagName).toBe('STRONG');
    expect(strong.closest('[lang]')).toHaveAttribute('lang', 'zh-Hans');
    expect(screen.getByRole('button', { name: '标为已读' })).toBeInTheDocument();
  });
});
