import type { Fact } from '@dari/contracts';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '../../../app/provider';
import { FactsContext } from '../../../components/markdown/facts-context';
import { Markdown } from '../../../components/markdown/markdown';
import { createQueryClient } from '../../../lib/query-client';
import { HOURLY_WAGE_FACT as hourly, LESSON_IDS, makeMe } from '../../../test/fixtures';
import { mockApi, type MockRequest, type MockResponse } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { LessonGlossary } from '../components/lesson-glossary';
import { makeTerm } from '../test/terms';

// Glossary entries write dated facts as {{fact:KEY}} (libs/curriculum/glossary/terms.json): a learner reads
// the value for today in Korea, from GET /facts (the registry), wherever the entry shows; staff edit what
// was written.

const WAGE = makeTerm({
  id: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e09',
  term: '최저임금',
  northKorean: [],
  explanation: '고용주가 줘야 하는 가장 낮은 임금이에요. 한 시간 최저임금: {{fact:minimum-wage-hourly}}',
  gloss: { en: 'minimum wage ({{fact:minimum-wage-hourly}})', zh: '最低工资（{{fact:minimum-wage-hourly}}）' },
  example: '올해 최저임금은 {{fact:minimum-wage-hourly}}이에요.',
  related: [],
});

const RENDERED = '고용주가 줘야 하는 가장 낮은 임금이에요. 한 시간 최저임금: 10,320원(2026년 기준)';

describe('dated facts in glossary entries', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T03:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("the glossary shows the value for today, in each text's language, on the list and on the term's page", async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /facts': { status: 200, body: [hourly] },
      'GET /glossary': { status: 200, body: { items: [WAGE], total: 1, page: 1, pageSize: 20 } },
      [`GET /glossary/${WAGE.id}`]: { status: 200, body: WAGE },
    });
    const user = userEvent.setup();
    renderApp('/glossary');
    const card = (await screen.findByRole('link', { name: '최저임금' })).closest('article')!;
    await waitFor(() =>
      expect(card).toHaveTextContent('minimum wage (KRW 10,320 (as of 2026)) · 最低工资（10,320韩元（2026年标准））'),
    );
    expect(card).not.toHaveTextContent('{{');

    await user.click(within(card).getByRole('link', { name: '최저임금' }));
    expect(await screen.findByRole('heading', { level: 1, name: '최저임금' })).toBeInTheDocument();
    const explanation = await screen.findByText(RENDERED);
    expect(explanation).toHaveAttribute('lang', 'ko');
    expect(screen.getByText('올해 최저임금은 10,320원(2026년 기준)이에요.')).toBeInTheDocument();
    expect(screen.getByText('minimum wage (KRW 10,320 (as of 2026))')).toHaveAttribute('lang', 'en');
    expect(document.body).not.toHaveTextContent('{{fact:');
    // One request for the registry, kept for the visit.
    expect(api.callsTo('GET', '/facts')).toHaveLength(1);
  });

  it('the word list and its flashcards show the value too', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /facts': { status: 200, body: [hourly] },
      'GET /me/words': { status: 200, body: { items: [{ ...WAGE, saved: true }] } },
      'GET /me/word-requests': { status: 200, body: { items: [] } },
    });
    const user = userEvent.setup();
    renderApp('/glossary/words');
    const list = await screen.findByRole('region', { name: '저장한 낱말' });
    await waitFor(() => expect(list).toHaveTextContent('KRW 10,320 (as of 2026)'));
    await user.click(within(list).getByRole('button', { name: '낱말 카드로 복습하기' }));
    await user.click(await screen.findByRole('button', { name: '풀이 보기' }));
    expect(await screen.findByText(RENDERED)).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('{{fact:');
  });

  it('never shows the raw reference while the registry loads, and a marker if it cannot be had', async () => {
    let answer: (res: MockResponse) => void = () => undefined;
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /facts': () => new Promise<MockResponse>((resolve) => (answer = resolve)),
      [`GET /glossary/${WAGE.id}`]: { status: 200, body: WAGE },
    });
    renderApp(`/glossary/${WAGE.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: '최저임금' })).toBeInTheDocument();
    expect(screen.getByText('고용주가 줘야 하는 가장 낮은 임금이에요. 한 시간 최저임금: …')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('{{fact:');
    answer({ status: 503, body: { status: 503, code: 'unavailable', message: 'down', requestId: 'r' } });
    expect(
      await screen.findByText('고용주가 줘야 하는 가장 낮은 임금이에요. 한 시간 최저임금: [minimum-wage-hourly]'),
    ).toBeInTheDocument();
  });

  it("the term popover in a lesson shows the value when the lesson's course carries no such fact", async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /facts': { status: 200, body: [hourly] },
      'POST /glossary/lookup': (req: MockRequest) => ({
        status: 200,
        body: { items: (req.body as { terms: string[] }).terms.includes('최저임금') ? [WAGE] : [] },
      }),
    });
    const user = userEvent.setup();
    render(
      <AppProvider client={createQueryClient({ retry: false })}>
        <MemoryRouter initialEntries={[`/learn/courses/x?lesson=${LESSON_IDS[0]}`]}>
          {/* A published course without facts of its own. */}
          <FactsContext.Provider value={[]}>
            <LessonGlossary>
              <Markdown source={'[[최저임금]]보다 적게 주면 안 돼요.'} />
            </LessonGlossary>
          </FactsContext.Provider>
        </MemoryRouter>
      </AppProvider>,
    );
    await user.click(await screen.findByRole('button', { name: '최저임금' }));
    const dialog = await screen.findByRole('dialog', { name: '최저임금' });
    await waitFor(() => expect(dialog).toHaveTextContent(RENDERED));
    expect(dialog).toHaveTextContent('올해 최저임금은 10,320원(2026년 기준)이에요.');
    expect(dialog).not.toHaveTextContent('{{');
  });

  it('inside a lesson, a fact the course carries shows as the lesson shows it', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('learner') },
      'GET /facts': { status: 200, body: [hourly] },
      'POST /glossary/lookup': { status: 200, body: { items: [WAGE] } },
    });
    // The course was published with only the 2025 value: the lesson and its popover agree.
    const snapshot: Fact = { ...hourly, values: [hourly.values[0]] };
    const user = userEvent.setup();
    render(
      <AppProvider client={createQueryClient({ retry: false })}>
        <MemoryRouter initialEntries={[`/learn/courses/x?lesson=${LESSON_IDS[0]}`]}>
          <FactsContext.Provider value={[snapshot]}>
            <LessonGlossary>
              <Markdown source={'[[최저임금]]'} />
            </LessonGlossary>
          </FactsContext.Provider>
        </MemoryRouter>
      </AppProvider>,
    );
    await user.click(await screen.findByRole('button', { name: '최저임금' }));
    const dialog = await screen.findByRole('dialog', { name: '최저임금' });
    await waitFor(() =>
      expect(dialog).toHaveTextContent(
        /한 시간 최저임금: 10,030원\(2025년 기준 — 최신 금액은 .*1350.*에서 확인하세요\)/,
      ),
    );
  });

  it('the staff edit form shows and saves what was written, never the value', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('instructor') },
      'GET /facts': { status: 200, body: [hourly] },
      [`GET /glossary/${WAGE.id}`]: { status: 200, body: WAGE },
      [`PATCH /glossary/${WAGE.id}`]: (req: MockRequest) => ({
        status: 200,
        body: { ...WAGE, ...(req.body as object) },
      }),
    });
    const user = userEvent.setup();
    renderApp(`/glossary/${WAGE.id}`);
    // The term's page (already showing the value) fills the cache the form reads from.
    expect(await screen.findByText(RENDERED)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: '고치기' }));
    expect(await screen.findByLabelText('쉬운 풀이')).toHaveValue(WAGE.explanation);
    expect(screen.getByLabelText('영어 뜻')).toHaveValue(WAGE.gloss.en);
    expect(screen.getByLabelText('중국어 뜻 (간체자)')).toHaveValue(WAGE.gloss.zh);
    expect(screen.getByLabelText('예문')).toHaveValue(WAGE.example);
    await user.click(screen.getByRole('button', { name: '고친 내용 저장하기' }));
    await waitFor(() => expect(api.callsTo('PATCH', `/glossary/${WAGE.id}`)).toHaveLength(1));
    expect(api.callsTo('PATCH', `/glossary/${WAGE.id}`)[0].body).toMatchObject({
      explanation: WAGE.explanation,
      gloss: WAGE.gloss,
      example: WAGE.example,
    });
  });
});
