import type { FactReviewList } from '@dari/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import { allCatalogues } from '../../../i18n/locales/all';
import { makeMe } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const due: FactReviewList = {
  today: '2026-12-07',
  items: [
    {
      key: 'minimum-wage-hourly',
      label: { ko: '최저임금(시급)', en: 'minimum wage (hourly)', zh: '最低工资（时薪）' },
      kind: 'money',
      lastValue: 10320,
      lastYear: 2026,
      lastTo: '2026-12-31',
      source: '최저임금위원회 2025-07-10 의결, 고용노동부 고시 「2026년 적용 최저임금」',
      reviewBy: '2026-08-05',
      checkAt: { ko: '고용노동부(1350)', en: 'the Ministry of Employment and Labor (1350)', zh: '雇佣劳动部（1350）' },
      reviewDue: true,
      expired: false,
    },
  ],
};
const page = { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } };

describe('facts to review (instructor and admin home pages)', () => {
  it('the instructor’s home lists the facts due, with the last value and its year, the review date and the source', async () => {
    mockApi({
      'GET /me': { status: 200, body: makeMe('instructor') },
      'GET /authoring/courses': page,
      'GET /facts/review': { status: 200, body: due },
    });
    renderApp('/teach');
    const panel = (await screen.findByRole('heading', { name: '다시 확인할 때가 된 숫자' })).closest('section')!;
    expect(panel).toHaveTextContent('최저임금(시급)');
    expect(panel).toHaveTextContent('마지막으로 확인한 값: 10,320원(2026년)');
    expect(panel).toHaveTextContent('확인할 날: 2026년 8월 5일');
    expect(panel).toHaveTextContent('출처: 최저임금위원회 2025-07-10 의결');
    expect(within(panel).getByText('{{fact:minimum-wage-hourly}}').tagName).toBe('CODE');
  });

  it('the admin’s home lists them too, in English and Chinese', { timeout: 20_000 }, async () => {
    const catalogues = allCatalogues();
    i18n.addResourceBundle('en', 'translation', catalogues.en, true, true);
    i18n.addResourceBundle('zh', 'translation', catalogues.zh, true, true);
    mockApi({
      'GET /me': { status: 200, body: makeMe('admin', { locale: 'en' }) },
      'GET /admin/users': page,
      'GET /facts/review': { status: 200, body: due },
    });
    await i18n.changeLanguage('en');
    const { unmount } = renderApp('/admin/users');
    const panel = (await screen.findByRole('heading', { name: 'Facts to review' })).closest('section')!;
    expect(panel).toHaveTextContent('minimum wage (hourly)');
    expect(panel).toHaveTextContent('Last known value: KRW 10,320 (2026)');
    expect(panel).toHaveTextContent('review by August 5, 2026');
    unmount();
    mockApi({
      'GET /me': { status: 200, body: makeMe('admin', { locale: 'zh' }) },
      'GET /admin/users': page,
      'GET /facts/review': { status: 200, body: due },
    });
    await i18n.changeLanguage('zh');
    renderApp('/admin/users');
    const zh = (await screen.findByRole('heading', { name: '需要重新核实的数据' })).closest('section')!;
    expect(zh).toHaveTextContent('最后确认的数值：10,320韩元（2026年）');
  });

  it('shows nothing when no fact is due, and nothing to a manager', async () => {
    const api = mockApi({
      'GET /me': { status: 200, body: makeMe('instructor') },
      'GET /authoring/courses': page,
      'GET /facts/review': { status: 200, body: { today: '2026-06-01', items: [] } },
    });
    const { unmount } = renderApp('/teach');
    await screen.findByRole('heading', { level: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(api.callsTo('GET', '/facts/review').length).toBeGreaterThan(0);
    expect(screen.queryByRole('heading', { name: '다시 확인할 때가 된 숫자' })).not.toBeInTheDocument();
    unmount();
    const manager = mockApi({
      'GET /me': { status: 200, body: makeMe('manager') },
      'GET /authoring/courses': page,
      'GET /facts/review': { status: 200, body: due },
    });
    renderApp('/teach');
    await screen.findByRole('heading', { level: 1 });
    expect(manager.callsTo('GET', '/facts/review')).toHaveLength(0);
  });
});
