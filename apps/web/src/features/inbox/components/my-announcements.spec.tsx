import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProvider } from '../../../app/provider';
import { createQueryClient } from '../../../lib/query-client';
import { mockApi } from '../../../test/mock-api';
import { makeMe } from '../../../test/fixtures';
import { MyAnnouncements } from './my-announcements';

const COURSE = '11111111-1111-4111-8111-111111111111';
const NEW = '22222222-2222-4222-8222-222222222222';
const OLD = '33333333-3333-4333-8333-333333333333';

const item = (id: string, read: boolean, ko: string, html: string, createdAt: string) => ({
  id,
  audience: 'course',
  targetId: COURSE,
  text: { ko },
  html: { ko: html },
  atRiskOnly: false,
  createdAt,
  read,
});

function renderSection() {
  return render(
    <AppProvider client={createQueryClient({ retry: false })}>
      <MemoryRouter>
        <MyAnnouncements target={{ kind: 'course', id: COURSE }} headingLevel={2} />
      </MemoryRouter>
    </AppProvider>,
  );
}

describe("announcements on the learner's course page", () => {
  it('shows the newest ones as the server rendered them, says which are unread, links to the inbox; reading one marks it read', async () => {
    let newRead = false;
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      [`GET /me/courses/${COURSE}/announcements`]: () => ({
        status: 200,
        body: {
          items: [
            item(NEW, newRead, '**화요일** 모임', '<p><strong>화요일</strong> 모임</p>', '2026-04-02T09:00:00.000Z'),
            item(OLD, true, '첫 공지', '<p>첫 공지</p>', '2026-04-01T09:00:00.000Z'),
          ],
        },
      }),
      [`POST /me/notifications/${NEW}/read`]: () => {
        newRead = true;
        return { status: 204 };
      },
    });
    renderSection();
    const section = await screen.findByRole('region', { name: /^공지/ });
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('공지 · 읽지 않음 1개');
    const [first, second] = within(section).getAllByRole('listitem');
    // Newest first, in the server's HTML (no Markdown engine here), read state in words.
    expect(within(first).getByText('화요일').tagName).toBe('STRONG');
    expect(within(first).getByText('읽지 않음')).toBeInTheDocument();
    expect(within(second).getByText('첫 공지')).toBeInTheDocument();
    expect(within(second).getByText('읽음')).toBeInTheDocument();
    expect(within(second).queryByRole('button')).toBeNull();
    expect(within(section).getByRole('link', { name: '알림함에서 모든 알림 보기' })).toHaveAttribute('href', '/inbox');

    await userEvent.setup().click(within(first).getByRole('button', { name: '읽음으로 표시' }));
    expect(api.callsTo('POST', `/me/notifications/${NEW}/read`)).toHaveLength(1);
    // The list is read again (it shares the inbox's key, as the unread count does): now both are read.
    expect(await within(section).findByRole('heading', { level: 2, name: '공지' })).toBeInTheDocument();
    expect(within(within(section).getAllByRole('listitem')[0]).getByText('읽음')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '읽음으로 표시' })).toBeNull();
  });

  it('shows nothing when there is no announcement, or when they cannot load', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      [`GET /me/courses/${COURSE}/announcements`]: { status: 200, body: { items: [] } },
    });
    const { container, unmount } = renderSection();
    await new Promise((r) => setTimeout(r, 50));
    expect(container).toBeEmptyDOMElement();
    unmount();
    mockApi({ 'GET /me': { status: 200, body: makeMe('learner') } });
    const again = renderSection();
    await new Promise((r) => setTimeout(r, 50));
    expect(again.container).toBeEmptyDOMElement();
  });
});
