import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

// The program pages load on demand: the first look waits for the chunk.
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { COHORT_ID, COURSE_A, makeCohort, makeProgramReport } from '../test/program-fixtures';

describe('program home (manager dashboard)', () => {
  it('shows the numbers, my cohorts, and completion by cohort and by course as tables beside the charts', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('manager') },
      'GET /cohorts': { status: 200, body: { items: [makeCohort()] } },
      'GET /reports/program': { status: 200, body: makeProgramReport() },
    });
    renderApp('/program');
    expect(await screen.findByRole('heading', { level: 1, name: '박담당 님, 반가워요' })).toBeInTheDocument();

    const stats = await screen.findByText('최근 7일 동안 배운 사람');
    expect(stats.nextElementSibling).toHaveTextContent('12');
    expect(screen.getByText('최근 30일 동안 배운 사람').nextElementSibling).toHaveTextContent('34');
    expect(screen.getByText('수료율', { selector: 'dt' }).nextElementSibling).toHaveTextContent('38%');
    expect(screen.getByRole('link', { name: '전체 현황 CSV 내려받기' })).toHaveAttribute(
      'href',
      '/api/v1/reports/program/export?lang=ko',
    );
    expect(screen.getByRole('link', { name: '엑셀 파일(.xlsx)로 내려받기' })).toHaveAttribute(
      'href',
      '/api/v1/reports/program/export?lang=ko&format=xlsx',
    );

    const cohortLink = screen.getAllByRole('link', { name: '2027 봄 아카데미' })[0];
    expect(cohortLink).toHaveAttribute('href', `/program/cohorts/${COHORT_ID}`);
    expect(screen.getByText('학습자 2명 · 과정 1개')).toBeInTheDocument();

    const byCourse = screen.getByRole('table', { name: /과정별 등록, 수료 수와 수료율/ });
    expect(
      within(byCourse)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['과정', '등록', '수료', '수료율']);
    const row = within(byCourse).getByRole('rowheader', { name: '인권의 기초' }).closest('tr')!;
    expect(within(row).getByRole('link', { name: '인권의 기초' })).toHaveAttribute(
      'href',
      `/program/courses/${COURSE_A}`,
    );
    expect(within(row).getByText('50%')).toBeInTheDocument();

    const byCohort = screen.getByRole('table', { name: /기수별 학습자, 등록, 수료 수와 수료율/ });
    expect(within(byCohort).getByRole('rowheader', { name: '2027 봄 아카데미' }).closest('tr')).toHaveTextContent(
      '38%',
    );
    // The bars are a picture of the tables: hidden from screen readers, which read the tables.
    expect(document.querySelectorAll('.bars[aria-hidden="true"] svg')).toHaveLength(3);
  });

  it('says plainly when there is no cohort yet, and offers to make one', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('manager') },
      'GET /cohorts': { status: 200, body: { items: [] } },
      'GET /reports/program': { status: 200, body: { ...makeProgramReport(), cohorts: [], courses: [] } },
    });
    renderApp('/program');
    expect(await screen.findByText(/아직 맡은 기수가 없어요/, {})).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '새 기수 만들기' })).toHaveAttribute('href', '/program/cohorts/new');
  });

  it('is not for learners', async () => {
    mockApi({ 'GET /me': { status: 200, body: makeMe('learner') } });
    renderApp('/program');
    expect(await screen.findByRole('heading', { level: 1, name: '들어갈 수 없는 곳이에요' })).toBeInTheDocument();
  });
});
