import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const exported = {
  format: 'dari-personal-data-export',
  exportedAt: '2026-12-01T03:00:00.000Z',
  account: { username: 'saebyeol', displayName: '새별', locale: 'ko', role: 'learner' },
  sessions: [],
  cohorts: [],
  enrolments: [{ slug: 'rights-at-work', status: 'active', percent: 25, enrolledAt: '2026-11-20T01:00:00.000Z' }],
  journal: [{ text: '서로 돕는 일터', shared: false }],
  wordList: [{ term: '임금', addedAt: '2026-11-21T01:00:00.000Z' }],
  credentials: [
    {
      id: '6f1c2d3e-0000-4000-8000-000000000001',
      certificateCode: 'ABCDEFGHJKMN',
      courseTitle: { ko: '일터의 권리' },
      state: 'withdrawn',
      issuedAt: '2026-11-25T01:00:00.000Z',
      revokedAt: '2026-11-26T01:00:00.000Z',
      credential: { type: ['VerifiableCredential', 'OpenBadgeCredential'] },
    },
  ],
  learningEvents: Array.from({ length: 25 }, (_, i) => ({ type: 'viewed', n: i })),
};

describe('my data, to read', () => {
  it('the account page links to a readable page of the same data as the download, part by part', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /me/sessions': { status: 200, body: { items: [] } },
      'GET /me/export': { status: 200, body: exported },
    });
    const user = userEvent.setup();
    renderApp('/account');
    await user.click(await screen.findByRole('link', { name: '내 정보를 화면에서 읽기' }));
    expect(await screen.findByRole('heading', { level: 1, name: '내 정보 읽기' })).toBeInTheDocument();
    const account = await screen.findByRole('region', { name: /^계정/ });
    expect(within(account).getByText('새별')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '생각 공책 (1개)' })).toHaveTextContent('서로 돕는 일터');
    expect(screen.getByRole('region', { name: '내 단어장 (1개)' })).toHaveTextContent('임금');
    const credentials = screen.getByRole('region', { name: '디지털 증명서 (1개)' });
    expect(credentials).toHaveTextContent('withdrawn');
    expect(credentials).toHaveTextContent('OpenBadgeCredential');
    // Dates read as dates, booleans as words, not as raw JSON.
    expect(screen.getByRole('region', { name: '생각 공책 (1개)' })).toHaveTextContent('아니요');
    expect(document.body).not.toHaveTextContent('2026-11-21T01:00:00.000Z');
    // The long part is folded.
    expect(screen.getByText('25개 모두 보기')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '인쇄하기' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '내 정보 모두 내려받기' })).toHaveAttribute('href', '/api/v1/me/export');
    expect(api.callsTo('GET', '/me/export')).toHaveLength(1);
  });
});
