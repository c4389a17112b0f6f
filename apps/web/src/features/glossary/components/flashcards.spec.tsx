import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { makeTerm } from '../test/terms';
import { shuffled } from './flashcards';

const ICE = makeTerm({ id: '6f1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e01', term: '아이스크림', northKorean: ['에스키모'] });
const VOTE = makeTerm({ id: '6f1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e02', term: '투표소', northKorean: [] });
const LATER = makeTerm({ id: '6f1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e03', term: '선거', northKorean: ['선거'] });
const future = new Date(Date.now() + 3 * 864e5).toISOString();
const past = new Date(Date.now() - 864e5).toISOString();

function setup() {
  return mockApi({
    'GET /me': { status: 200, body: makeMe('learner') },
    'GET /me/words': { status: 200, body: { items: [ICE, VOTE, LATER].map((t) => ({ ...t, saved: true })) } },
    'GET /me/word-requests': { status: 200, body: { items: [] } },
    'GET /me/word-reviews': {
      status: 200,
      body: {
        items: [
          { termId: ICE.id, box: 0, nextReviewAt: null, reviewedAt: null },
          { termId: VOTE.id, box: 1, nextReviewAt: past, reviewedAt: past },
          { termId: LATER.id, box: 3, nextReviewAt: future, reviewedAt: past },
        ],
      },
    },
    [`POST /me/words/${ICE.id}/review`]: {
      status: 200,
      body: {
        termId: ICE.id,
        box: 1,
        nextReviewAt: future,
        reviewedAt: new Date(Date.parse(future) - 864e5).toISOString(),
      },
    },
    [`POST /me/words/${VOTE.id}/review`]: {
      status: 200,
      body: {
        termId: VOTE.id,
        box: 1,
        nextReviewAt: future,
        reviewedAt: new Date(Date.parse(future) - 864e5).toISOString(),
      },
    },
  });
}

describe('flashcards', () => {
  it('deals only the words due today, records "알았어요" and "다시 볼래요" on the server, and says when each comes back', async () => {
    const api = setup();
    const user = userEvent.setup();
    renderApp('/glossary/words');
    await user.click(await screen.findByRole('button', { name: '낱말 카드로 복습하기' }));
    const cards = await screen.findByRole('region', { name: '낱말 카드' });
    expect(await within(cards).findByText('2개 중 1번째')).toBeInTheDocument();
    expect(within(cards).getByText('아이스크림')).toBeInTheDocument();
    // The answer buttons come with the answer.
    expect(within(cards).queryByRole('button', { name: '알았어요' })).not.toBeInTheDocument();
    await user.click(within(cards).getByRole('button', { name: '풀이 보기' }));
    await user.click(within(cards).getByRole('button', { name: '알았어요' }));
    expect(await within(cards).findByText('‘아이스크림’ 카드는 1일 뒤에 다시 나와요.')).toBeInTheDocument();
    expect(api.callsTo('POST', `/me/words/${ICE.id}/review`)[0]?.body).toEqual({ known: true });

    expect(within(cards).getByText('투표소')).toBeInTheDocument();
    await user.click(within(cards).getByRole('button', { name: '풀이 보기' }));
    await user.click(within(cards).getByRole('button', { name: '다시 볼래요' }));
    expect(await within(cards).findByText('오늘 볼 카드를 다 봤어요. 수고했어요!')).toBeInTheDocument();
    expect(api.callsTo('POST', `/me/words/${VOTE.id}/review`)[0]?.body).toEqual({ known: false });
    // '선거' is not due: it was never dealt.
    expect(api.callsTo('POST', `/me/words/${LATER.id}/review`)).toHaveLength(0);
  });

  it('North → South shows the North Korean word and only words that have one; the South word comes with the answer', async () => {
    setup();
    const user = userEvent.setup();
    renderApp('/glossary/words');
    await user.click(await screen.findByRole('button', { name: '낱말 카드로 복습하기' }));
    const cards = await screen.findByRole('region', { name: '낱말 카드' });
    await user.click(await within(cards).findByRole('radio', { name: '북한 말 → 남한 말' }));
    expect(await within(cards).findByText('1개 중 1번째')).toBeInTheDocument();
    expect(within(cards).getByText('에스키모')).toBeInTheDocument();
    expect(within(cards).queryByText('아이스크림')).not.toBeInTheDocument();
    await user.click(within(cards).getByRole('button', { name: '풀이 보기' }));
    expect(within(cards).getByText('아이스크림')).toBeInTheDocument();
  });

  it('shuffles every card into the deck exactly once', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const mixed = shuffled(items, random);
    expect([...mixed].sort()).toEqual(items);
    expect(mixed).not.toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
