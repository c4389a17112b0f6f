import type { Fact, PublishedCourse, PublishedLesson } from '@dari/contracts';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { eventsEndpoint, freshDevice, L, makeCourse, makeProgress, SLUG, lessonAnswers } from '../test-fixtures';

// The learner's player shows {{fact:KEY}} from the facts the published course carries, for the
// phone's date: no other request (the course may come from the offline copy).
const hourly: Fact = {
  key: 'minimum-wage-hourly',
  kind: 'money',
  unit: 'KRW/hour',
  label: { ko: '최저임금(시급)', en: 'minimum wage (hourly)', zh: '最低工资（时薪）' },
  values: [
    {
      from: '2026-01-01',
      to: '2026-12-31',
      value: 10320,
      source: '최저임금위원회 2025-07-10 의결, 고용노동부 고시 「2026년 적용 최저임금」',
    },
  ],
  reviewBy: '2026-08-05',
  checkAt: {
    ko: '고용노동부 고객상담센터(국번 없이 1350)',
    en: 'the Ministry of Employment and Labor (call 1350)',
    zh: '雇佣劳动部（拨打1350）',
  },
};

function courseWithFacts(): PublishedCourse {
  const course = makeCourse();
  const [reading, sensitive, ...rest] = course.modules[0].lessons as [
    PublishedLesson,
    PublishedLesson,
    ...PublishedLesson[],
  ];
  const lessons: PublishedLesson[] = [
    {
      ...reading,
      title: { ko: '최저임금' },
      content: { kind: 'reading', body: { ko: '## 시급\n\n올해 시급은 {{fact:minimum-wage-hourly}}이에요.' } },
    },
    { ...sensitive, contentNote: { ko: '시급 {{fact:minimum-wage-hourly}}보다 적게 받은 이야기가 나와요.' } },
    ...rest,
  ];
  return { ...course, modules: [{ ...course.modules[0], lessons }], facts: [hourly] };
}

function learnerApi() {
  const server = eventsEndpoint();
  return mockApi({
    'GET /me': { status: 200, body: makeMe('learner') },
    [`GET /courses/${SLUG}`]: { status: 200, body: courseWithFacts() },
    ...lessonAnswers(courseWithFacts()),
    [`GET /courses/${SLUG}/progress`]: server.progress(makeProgress()),
    'GET /me/journal': { status: 200, body: { items: [] } },
    'GET /me/certificates': { status: 200, body: { items: [] } },
    'POST /progress/events': server.handler,
    'POST /glossary/lookup': { status: 200, body: { items: [] } },
  });
}

// The server's HTML keeps each fact in a span of its own (the phone fills it in): match the paragraph's whole text.
const paragraph = (text: string) => (_: string, el: Element | null) => el?.tagName === 'P' && el.textContent === text;

const at = (iso: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
};

describe('dated facts in the lesson player', { timeout: 20_000 }, () => {
  beforeEach(() => freshDevice());
  afterEach(() => vi.useRealTimers());

  it('shows the 2026 value with its year in 2026, in the reading and in a content note', async () => {
    at('2026-06-01T03:00:00Z');
    learnerApi();
    const { unmount } = renderApp(`/learn/courses/${SLUG}/lessons/${L.reading}`);
    expect(await screen.findByText(paragraph('올해 시급은 10,320원(2026년 기준)이에요.'))).toBeInTheDocument();
    unmount();
    renderApp(`/learn/courses/${SLUG}/lessons/${L.sensitive}`);
    const note = await screen.findByRole('note');
    expect(within(note).getByText('시급 10,320원(2026년 기준)보다 적게 받은 이야기가 나와요.')).toBeInTheDocument();
  });

  it('from 2027-03-01: the last value with its year and where to check', async () => {
    at('2027-03-01T00:00:00Z');
    learnerApi();
    renderApp(`/learn/courses/${SLUG}/lessons/${L.reading}`);
    expect(
      await screen.findByText(
        paragraph(
          '올해 시급은 10,320원(2026년 기준 — 최신 금액은 고용노동부 고객상담센터(국번 없이 1350)에서 확인하세요)이에요.',
        ),
      ),
    ).toBeInTheDocument();
  });
});
