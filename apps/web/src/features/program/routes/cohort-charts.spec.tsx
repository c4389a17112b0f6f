import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { heatBand } from '../components/progress-grid';
import { COHORT_ID, COURSE_A, COURSE_B, makeCohort, makeGrid } from '../test/program-fixtures';

const base = {
  'GET /me': { status: 200, body: makeMe('manager') },
  [`GET /cohorts/${COHORT_ID}`]: { status: 200, body: makeCohort() },
};

const charts = {
  weeks: ['2026-11-16', '2026-11-23', '2026-11-30'],
  active: [1, 2, 0],
  courses: [
    { courseId: COURSE_A, title: { ko: '인권의 기초' }, enrolled: 2, completed: [0, 1, 1] },
    { courseId: COURSE_B, title: { ko: '생활 속의 권리' }, enrolled: 1, completed: [0, 0, 0] },
  ],
};

describe("cohort: the manager's charts", () => {
  it('says the numbers in words, with every week in a table; the canvas is only an extra', async () => {
    const api = mockApi({ ...base, [`GET /reports/cohorts/${COHORT_ID}/charts`]: { status: 200, body: charts } });
    renderApp(`/program/cohorts/${COHORT_ID}?tab=charts`);
    const active = await screen.findByRole('region', { name: '주마다 배운 학습자' });
    expect(active).toHaveTextContent('이번 주 0명이 배웠어요(학습자 2명 중)');
    expect(active).toHaveTextContent('2명이에요');
    const completion = screen.getByRole('region', { name: '과정별 수료 추이' });
    expect(
      within(completion)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['인권의 기초: 지금 등록한 2명 중 1명 수료', '생활 속의 권리: 지금 등록한 1명 중 0명 수료']);

    await userEvent.setup().click(within(completion).getByText('숫자로 보기'));
    const table = within(completion).getByRole('table', { name: '과정별 수료 추이' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['주(월요일)', '인권의 기초', '생활 속의 권리']);
    expect(
      within(rows[2])
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '0']);
    // The chart is drawn beside the words and hidden from screen readers; nothing but the charts' answer is asked for.
    expect(api.calls.filter((c) => c.path.startsWith('/reports')).map((c) => c.path)).toEqual([
      `/reports/cohorts/${COHORT_ID}/charts`,
    ]);
  });

  it.each([
    ['ko', '주마다 배운 학습자', '아직 배운 학습자가 없어요(학습자 2명).'],
    ['en', 'Learners active each week', 'No learner has been active yet (of 2 learners).'],
    ['zh', '每周学习的学员', '还没有学员开始学习（共 2 名学员）。'],
  ] as const)(
    'with nobody active in any week it says so plainly, naming no busiest week (%s)',
    async (locale, title, said) => {
      mockApi({
        ...base,
        'GET /me': { status: 200, body: makeMe('manager', { locale }) },
        [`GET /reports/cohorts/${COHORT_ID}/charts`]: {
          status: 200,
          body: { ...charts, active: [0, 0, 0] },
        },
      });
      renderApp(`/program/cohorts/${COHORT_ID}?tab=charts`);
      const active = await screen.findByRole('region', { name: title });
      expect(active).toHaveTextContent(said);
      expect(active).not.toHaveTextContent(/가장 많았던|busiest|最多/);
    },
  );

  it('before the cohort starts there is nothing to draw, and it says so', async () => {
    mockApi({
      ...base,
      [`GET /reports/cohorts/${COHORT_ID}/charts`]: { status: 200, body: { weeks: [], active: [], courses: [] } },
    });
    renderApp(`/program/cohorts/${COHORT_ID}?tab=charts`);
    expect(await screen.findByText('기수가 아직 시작하지 않아서 보여 줄 주가 없어요.', {})).toBeInTheDocument();
  });
});

describe('cohort: the progress grid as a heat map', () => {
  it('tints each cell by its band behind the written percent, and says what the colours mean', async () => {
    mockApi({ ...base, [`GET /reports/cohorts/${COHORT_ID}`]: { status: 200, body: makeGrid() } });
    renderApp(`/program/cohorts/${COHORT_ID}?tab=progress`);
    const table = await screen.findByRole('table', {});
    expect(screen.getByText(/색은 도움일 뿐이고, 숫자가 함께 적혀 있어요/)).toBeInTheDocument();
    const cellOf = (text: string) => within(table).getByText(text).closest('.heat');
    expect(cellOf('40%')).toHaveClass('heat-1');
    expect(cellOf('100%')).toHaveClass('heat-3');
    expect(cellOf('10%')).toHaveClass('heat-1');
  });

  it('bands: nothing yet, under half, half or more, completed', () => {
    expect(
      [
        { status: 'active' as const, percent: 0 },
        { status: 'active' as const, percent: 49 },
        { status: 'active' as const, percent: 50 },
        { status: 'completed' as const, percent: 90 },
        { status: 'withdrawn' as const, percent: 60 },
      ].map(heatBand),
    ).toEqual([0, 1, 2, 3, 2]);
  });
});
