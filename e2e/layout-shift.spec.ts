// Issue 18: nothing on a learner's page moves while it loads (Lighthouse's Cumulative Layout Shift).
// The header's menu arriving with the session, a section drawn above one still loading, the footer in
// the first screen pushed down by the page: each moved what the learner was already reading. Here a
// first load of the lesson and of the glossary, on the 360 px phone, adds up every layout shift the
// browser reports (PerformanceObserver 'layout-shift') until the page has settled.
import { expect, test } from './support/test';
import { ko } from './support/app';
import { asRole } from './support/auth';
import { layoutShifts, sumOfShifts, watchLayoutShifts } from './support/layout-shifts';

const SLUG = 'rights-in-everyday-life';

test.describe('a learner page does not move while it loads', () => {
  test.use(asRole('learner'));

  test('the lesson and the glossary, first load at 360 px', async ({ page }) => {
    await watchLayoutShifts(page);
    // The demo learner reads the starter course's first lesson without joining it (nothing is saved).
    const course = (await (await page.request.get(`/api/v1/courses/${SLUG}`)).json()) as {
      modules: { lessons: { id: string }[] }[];
    };

    await page.goto(`/learn/courses/${SLUG}/lessons/${course.modules[0].lessons[0].id}`);
    await expect(page.getByRole('button', { name: '임금', exact: true }).first()).toBeVisible();
    const lesson = await layoutShifts(page);
    expect.soft(sumOfShifts(lesson), `the lesson moved: ${JSON.stringify(lesson)}`).toBeLessThan(0.01);

    await page.goto('/glossary');
    await expect(page.getByRole('heading', { level: 1, name: ko.glossary.search.title })).toBeVisible();
    const glossary = await layoutShifts(page);
    expect(sumOfShifts(glossary), `the glossary moved: ${JSON.stringify(glossary)}`).toBeLessThan(0.01);
  });
});
