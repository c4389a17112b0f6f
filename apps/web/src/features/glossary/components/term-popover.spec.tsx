import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MemoryRouter } from 'react-router';
import { AppProvider } from '../../../app/provider';
import { Markdown } from '../../../components/markdown/markdown';
import { createQueryClient } from '../../../lib/query-client';
import { LESSON_IDS, makeMe } from '../../../test/fixtures';
import { mockApi, type MockRequest } from '../../../test/mock-api';
import { makeTerm } from '../test/terms';
import { LessonGlossary } from './lesson-glossary';

const LESSON = LESSON_IDS[0];
const WAGE = makeTerm();

function setup(locale: 'ko' | 'zh' = 'ko', role: 'learner' | 'instructor' = 'learner') {
  const api = mockApi({
    'GET /me': { status: 200, body: makeMe(role, { locale }) },
    'POST /glossary/lookup': (req: MockRequest) => {
      const terms = (req.body as { terms: string[] }).terms;
      return { status: 200, body: { items: terms.includes('임금') ? [WAGE] : [] } };
    },
    [`PUT /me/words/${WAGE.id}`]: { status: 204 },
    'POST /word-requests': (req: MockRequest) => ({
      status: 201,
      body: {
        id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b01',
        status: 'open',
        courseId: null,
        askedBy: null,
        term: null,
        createdAt: '2026-03-11T09:00:00.000Z',
        answeredAt: null,
        lessonId: null,
        ...(req.body as object),
      },
    }),
  });
  const client = createQueryClient({ retry: false });
  render(
    <AppProvider client={client}>
      <MemoryRouter initialEntries={[`/learn/courses/x?lesson=${LESSON}`]}>
        <LessonGlossary>
          <Markdown source={'[[임금|월급]]은 꼭 받아야 해요. [[갑질]]도 알아봐요.\n\n그리고 [[임금]]'} />
          <button type="button">after</button>
        </LessonGlossary>
      </MemoryRouter>
    </AppProvider>,
  );
  return api;
}

describe('term popovers in a lesson', () => {
  it("looks the lesson's terms up in one request and opens an accessible popover by click; Esc returns focus", async () => {
    const api = setup();
    const user = userEvent.setup();
    const word = await screen.findByRole('button', { name: '월급' });
    expect(word).toHaveAttribute('aria-expanded', 'false');
    expect(word).toHaveAttribute('aria-haspopup', 'dialog');
    await waitFor(() => expect(api.callsTo('POST', '/glossary/lookup')).toHaveLength(1));
    expect((api.callsTo('POST', '/glossary/lookup')[0].body as { terms: string[] }).terms.sort()).toEqual([
      '갑질',
      '임금',
    ]);

    await user.click(word);
    const dialog = screen.getByRole('dialog', { name: '임금' });
    expect(word).toHaveAttribute('aria-expanded', 'true');
    expect(word).toHaveAttribute('aria-controls', dialog.id);
    expect(dialog).toHaveFocus();
    expect(dialog).toHaveTextContent('북한에서는 로임');
    expect(dialog).toHaveTextContent(WAGE.explanation);
    // Korean readers see both glosses, small.
    expect(dialog).toHaveTextContent('영어 wage; pay');
    expect(dialog).toHaveTextContent('중국어 工资');
    expect(dialog).toHaveTextContent(WAGE.example);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(word).toHaveFocus();
    expect(word).toHaveAttribute('aria-expanded', 'false');
    // The second [[임금]] is its own button; nothing more was fetched.
    expect(screen.getAllByRole('button', { name: '임금' })).toHaveLength(1);
    expect(api.callsTo('POST', '/glossary/lookup')).toHaveLength(1);
  });

  it('opens from the keyboard, closes on a tap outside, and saves the word to my list', async () => {
    const api = setup();
    const user = userEvent.setup();
    const word = await screen.findByRole('button', { name: '월급' });
    word.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: '임금' });
    const save = within(dialog).getByRole('button', { name: /내 단어장에 넣기/ });
    expect(save).toHaveAttribute('aria-pressed', 'false');
    await user.click(save);
    await waitFor(() => expect(api.callsTo('PUT', `/me/words/${WAGE.id}`)).toHaveLength(1));
    expect(api.callsTo('PUT', `/me/words/${WAGE.id}`)[0].headers['x-dari-client']).toBe('web');
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: /내 단어장에 넣기/ })).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(within(dialog).getByText('내 단어장에 넣었어요.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'after' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows the Chinese gloss only, in Chinese, for a Chinese reader', async () => {
    setup('zh');
    const user = userEvent.setup();
    // The account's language (zh) is applied once the person is known.
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-Hans'));
    await user.click(await screen.findByRole('button', { name: '월급' }));
    const dialog = await screen.findByRole('dialog', { name: '임금' });
    expect(dialog).toHaveTextContent('朝鲜的说法 로임');
    expect(dialog).toHaveTextContent('中文 工资');
    expect(dialog).not.toHaveTextContent('wage');
    expect(within(dialog).getByText('工资')).toHaveAttribute('lang', 'zh-Hans');
    expect(within(dialog).getByRole('button', { name: /加入我的生词本/ })).toBeInTheDocument();
  });

  it('flags a term the glossary lacks and lets a learner ask about it, with the lesson', async () => {
    const api = setup();
    const user = userEvent.setup();
    const unknown = await screen.findByRole('button', { name: '갑질' });
    await waitFor(() => expect(unknown).toHaveClass('term-button-unknown'));
    await user.click(unknown);
    const dialog = screen.getByRole('dialog', { name: '갑질' });
    expect(dialog).toHaveTextContent('아직 용어집에 없는 낱말이에요.');
    await user.click(within(dialog).getByRole('button', { name: '이 낱말 물어보기' }));
    await waitFor(() => expect(api.callsTo('POST', '/word-requests')).toHaveLength(1));
    expect(api.callsTo('POST', '/word-requests')[0].body).toEqual({ text: '갑질', lessonId: LESSON });
    expect(await within(dialog).findByText(/‘갑질’에 대해 물어봤어요/)).toBeInTheDocument();
  });

  it('lets a learner type any word and ask, below the lesson', async () => {
    const api = setup();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('물어볼 낱말'), '전입신고');
    await user.click(screen.getByRole('button', { name: '물어보기' }));
    await waitFor(() => expect(api.callsTo('POST', '/word-requests')).toHaveLength(1));
    expect(api.callsTo('POST', '/word-requests')[0].body).toEqual({ text: '전입신고', lessonId: LESSON });
    expect(await screen.findByText(/‘전입신고’에 대해 물어봤어요/)).toBeInTheDocument();
  });

  it('gives staff previews the popovers but no questions', async () => {
    setup('ko', 'instructor');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '갑질' }));
    const dialog = await screen.findByRole('dialog', { name: '갑질' });
    await waitFor(() => expect(dialog).toHaveTextContent('아직 용어집에 없는 낱말이에요.'));
    expect(within(dialog).queryByRole('button', { name: '이 낱말 물어보기' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('물어볼 낱말')).not.toBeInTheDocument();
  });
});
