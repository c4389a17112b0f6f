// Issue 18: nothing on a learner's page moves while it loads (Lighthouse's Cumulative Layout Shift).
// The header's menu arriving with the session, a section drawn above one still loading, the footer in
// the first screen pushed down by the page: each moved what the learner was already reading. Here a
// first load of the lesson and of the glossary, on the 360 px phone, adds up every layout shift the
// browser reports (PerformanceObserver 'layout-shift') until the page has settled.
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { ko } from './support/app';
import { asRole } from './support/auth';

const SLUG = 'rights-in-everyday-life';

/** Each shift the page reported: its value and what moved (tag.class, top before → after). */
async function layoutShifts(page: Page): Promise<{ value: number; sources: string }[]> {
  // Settled: the page's own requests (session, lesson, terms, results) are answered and nothing is drawn late.
  await page.waitForLoadState('networkidle');
  return page.evaluate(
    () => (window as unknown as { __dariShifts: { value: number; sources: string }[] }).__dariShifts,
  );
}

test.describe('a learner page does not move while it loads', () => {
  test.use(asRole('learner'));

  test('the lesson and the glossary, first load at 360 px', async ({ page }) => {
    await page.addInitScript(() => {
      const shifts: { value: number; sources: string }[] = [];
      (window as unknown as { __dariShifts: typeof shifts }).__dariShifts = shifts;
      const name = (node: Node | null) => {
        const element = node instanceof Element ? node : node?.parentElement;
        return element ? `${element.tagName.toLowerCase()}${element.className ? `.${element.className}` : ''}` : '?';
      };
      new PerformanceObserver((list) => {
        // Every shift counts, as in Lighthouse: nobody touches the page before it is read.
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
        })[])
          shifts.push({
            value: entry.value,
            sources: entry.sources
              .map((s) => `${name(s.node)} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`)
              .join(', '),
          });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // The demo learner reads the starter course's first lesson without joining it (nothing is saved).
    const course = (await (await page.request.get(`/api/v1/courses/${SLUG}`)).json()) as {
      modules: { lessons: { id: string }[] }[];
    };
    const sum = (shifts: { value: number }[]) => shifts.reduce((total, s) => total + s.value, 0);

    await page.goto(`/learn/courses/${SLUG}/lessons/${course.modules[0].lessons[0].id}`);
    await expect(page.getByRole('button', { name: '임금', exact: true }).first()).toBeVisible();
    const lesson = await layoutShifts(page);
    expect.soft(sum(lesson), `the lesson moved: ${JSON.stringify(lesson)}`).toBeLessThan(0.01);

    await page.goto('/glossary');
    await expect(page.getByRole('heading', { level: 1, name: ko.glossary.search.title })).toBeVisible();
    const glossary = await layoutShifts(page);
    expect(sum(glossary), `the glossary moved: ${JSON.stringify(glossary)}`).toBeLessThan(0.01);
  });
});
