import type { Locator, Page } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/test';
import { createAccount, expectNoHorizontalScroll, fill, ko, pattern, signIn } from './support/app';
import { cohortWithCourses, publishedCourseId, restrictToCohorts } from './support/cohorts';
import { publishSmallCourse, type SmallCourse } from './support/small-course';
import { SCREENS_WANTED } from './support/screens';

// Issue 13: the course page answered the learner's most recent enrolment in ANY course, so a second
// course could not be joined, withdrawing from one course withdrew from another, and a finished
// course looked unfinished (and its lessons showed the finish screen) once a cohort added another.
// These journeys keep one learner in several courses at once, on a phone, in Korean.

const WIDTH = 360;
// Screens for a person to look at (not compared), outside the repository.
const SCREENS = path.join(os.tmpdir(), 'dari-learner-state');

const coursePath = (slug: string) => `/learn/courses/${encodeURIComponent(slug)}`;

/** The learner's own courses on their home page ("내가 듣는 과정"). */
function myLearning(page: Page): Locator {
  return page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: ko.learning.mine.title }) });
}

function myCourse(page: Page, course: SmallCourse): Locator {
  return myLearning(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: course.title, exact: true }) });
}

/** The enrolment panel of a course page while the learner takes part in it. */
function enrolledPanel(page: Page): Locator {
  return page.getByRole('region', { name: ko.learning.enrol.enrolledTitle });
}

/** Home, then the course by its title (in "My learning" when the learner has it, else in the catalogue). */
async function openFromHome(
  page: Page,
  course: SmallCourse,
  from: 'mine' | 'catalog',
  /** What home must show first: the list a moment ago, refreshed, moves the links under the finger. */
  settled?: () => Promise<void>,
): Promise<void> {
  await page.getByRole('link', { name: ko.catalog.backToList }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: ko.learning.mine.title })).toBeVisible();
  await settled?.();
  const scope = from === 'mine' ? myLearning(page) : page.locator('main');
  await scope.getByRole('link', { name: course.title, exact: true }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
}

/** The course page shows this learner's own enrolment in it: the percent and the way on. */
async function expectOwnProgress(
  page: Page,
  course: SmallCourse,
  percent: number,
  action: 'start' | 'continue',
): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
  const panel = enrolledPanel(page);
  await expect(panel.getByText(fill(ko.learning.percent, { percent }), { exact: true })).toBeVisible();
  await expect(panel.getByRole('link', { name: ko.learning.mine[action], exact: true })).toBeVisible();
  await expect(panel.getByRole('button', { name: ko.learning.enrol.withdraw })).toBeVisible();
  await expect(page.getByRole('button', { name: ko.learning.enrol.submit })).toHaveCount(0);
}

/** The course page offers to join (the learner has no enrolment in this course). */
async function expectJoinOffered(page: Page, course: SmallCourse): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
  const offer = page.getByRole('region', { name: ko.learning.enrol.title });
  await expect(offer).toContainText(ko.learning.enrol.intro);
  await expect(offer.getByRole('button', { name: ko.learning.enrol.submit })).toBeVisible();
  await expect(enrolledPanel(page)).toHaveCount(0);
}

/** A reading is done when the learner says so, or scrolls to its end (whichever comes first). */
async function finishReading(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: ko.learning.player.markRead });
  if (await button.isVisible()) await button.click().catch(() => undefined);
  await expect(page.getByText(ko.learning.player.readDone)).toBeVisible();
}

/** Nothing the learner did is still waiting on the phone. */
async function expectAllSent(page: Page): Promise<void> {
  await expect(page.getByText(pattern(ko.learning.sync.waiting))).toHaveCount(0);
}

test.describe('a learner in several courses at once', () => {
  test('joins two open courses, has a cohort course, withdraws from one; the others stay as they were', async ({
    page,
  }) => {
    expect(page.viewportSize()?.width).toBe(WIDTH);
    const [a, b, c] = await Promise.all([publishSmallCourse(), publishSmallCourse(), publishSmallCourse()]);
    const learner = await createAccount('learner', 'e2e.multi');
    const cohortCourse = await restrictToCohorts(c.slug);
    await cohortWithCourses({
      name: `E2E 여러 과정 ${Date.now().toString(36)}`,
      courseIds: [cohortCourse],
      learnerIds: [learner.id],
    });
    await signIn(page, learner.username, learner.password);

    await test.step('My learning has only the cohort course at first', async () => {
      await expect(myCourse(page, c)).toHaveCount(1);
      await expect(myCourse(page, a)).toHaveCount(0);
      await expect(myCourse(page, b)).toHaveCount(0);
    });

    await test.step('joins course A from its page', async () => {
      await page.locator('main').getByRole('link', { name: a.title, exact: true }).click();
      await expectJoinOffered(page, a);
      await page.getByRole('button', { name: ko.learning.enrol.submit }).click();
      await expectOwnProgress(page, a, 0, 'start');
    });

    await test.step('joins course B from its page: it too offers to join', async () => {
      // Course A, just joined, is in My learning and says so in the catalogue before B is tapped (on CI the
      // tap once landed while A's card grew by that line and pushed B's link down).
      await openFromHome(page, b, 'catalog', async () => {
        await expect(myCourse(page, a)).toHaveCount(1);
        await expect(
          page
            .locator('main')
            .getByRole('listitem')
            .filter({ hasText: ko.learning.catalog.enrolled.split(' ·')[0] }),
        ).not.toHaveCount(0);
      });
      await expectJoinOffered(page, b);
      await page.getByRole('button', { name: ko.learning.enrol.submit }).click();
      await expectOwnProgress(page, b, 0, 'start');
    });

    await test.step('does the first lesson of A', async () => {
      await openFromHome(page, a, 'mine');
      await expectOwnProgress(page, a, 0, 'start');
      await enrolledPanel(page).getByRole('link', { name: ko.learning.mine.start, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: '근로계약서' })).toBeVisible();
      await finishReading(page);
      await expectAllSent(page);
      await page.getByRole('link', { name: fill(ko.learning.player.backToCourse, { course: a.title }) }).click();
      await expectOwnProgress(page, a, 25, 'continue');
    });

    await test.step("opens B and sees B's own progress, not A's", async () => {
      await openFromHome(page, b, 'mine');
      await expectOwnProgress(page, b, 0, 'start');
      await expect(page.getByRole('navigation', { name: ko.course.outline })).not.toContainText(
        ko.learning.status.completed,
      );
      await expectNoHorizontalScroll(page, WIDTH);
      if (SCREENS_WANTED)
        await page.screenshot({ path: path.join(SCREENS, 'course-page-two-enrolments-ko-360.png'), fullPage: true });
    });

    await test.step('opens the cohort course from My learning and starts it', async () => {
      await openFromHome(page, c, 'mine');
      await expectOwnProgress(page, c, 0, 'start');
      await enrolledPanel(page).getByRole('link', { name: ko.learning.mine.start, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: '근로계약서' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: pattern(ko.learning.finish.title) })).toHaveCount(0);
      await expectAllSent(page);
      await page.getByRole('link', { name: fill(ko.learning.player.backToCourse, { course: c.title }) }).click();
      await expectOwnProgress(page, c, 0, 'continue');
    });

    await test.step('withdraws from B, on B’s page, after confirming', async () => {
      await openFromHome(page, b, 'mine');
      await expectOwnProgress(page, b, 0, 'start');
      await enrolledPanel(page).getByRole('button', { name: ko.learning.enrol.withdraw }).click();
      const confirm = page.getByRole('group', { name: ko.learning.enrol.withdraw });
      await expect(confirm).toContainText(ko.learning.enrol.withdrawQuestion);
      await confirm.getByRole('button', { name: ko.learning.enrol.withdrawConfirm, exact: true }).click();
      await expectJoinOffered(page, b);
    });

    await test.step('A and the cohort course are untouched', async () => {
      await openFromHome(page, a, 'mine');
      await expectOwnProgress(page, a, 25, 'continue');
      await openFromHome(page, c, 'mine');
      await expectOwnProgress(page, c, 0, 'continue');
    });

    await test.step('My learning lists A and the cohort course, not B; B offers to join again', async () => {
      await page.getByRole('link', { name: ko.catalog.backToList }).first().click();
      await expect(myCourse(page, a)).toContainText(fill(ko.learning.percent, { percent: 25 }));
      await expect(myCourse(page, c)).toContainText(fill(ko.learning.percent, { percent: 0 }));
      await expect(myCourse(page, b)).toHaveCount(0);
      await page.reload();
      await expect(myCourse(page, a)).toHaveCount(1);
      await expect(myCourse(page, c)).toHaveCount(1);
      await expect(myCourse(page, b)).toHaveCount(0);
      await page.locator('main').getByRole('link', { name: b.title, exact: true }).click();
      await expectJoinOffered(page, b);
    });
  });

  test('a finished course stays finished after a cohort adds the learner to it and to another course', async ({
    page,
  }) => {
    const [done, other] = await Promise.all([publishSmallCourse(), publishSmallCourse()]);
    const learner = await createAccount('learner', 'e2e.finished');
    await signIn(page, learner.username, learner.password);
    const nav = page.getByRole('navigation', { name: ko.course.lessonNav });

    await test.step('joins and finishes the course', async () => {
      await page.locator('main').getByRole('link', { name: done.title, exact: true }).click();
      await expectJoinOffered(page, done);
      await page.getByRole('button', { name: ko.learning.enrol.submit }).click();
      await enrolledPanel(page).getByRole('link', { name: ko.learning.mine.start, exact: true }).click();

      await expect(page.getByRole('heading', { level: 1, name: '근로계약서' })).toBeVisible();
      await finishReading(page);
      await nav.getByRole('link', { name: ko.course.nextLesson }).click();

      await expect(page.getByRole('heading', { level: 1, name: '임금을 못 받았을 때' })).toBeVisible();
      await page.getByRole('note').getByRole('button', { name: ko.learning.player.skip }).click();
      await expect(page.getByText(ko.learning.player.skippedTitle)).toBeVisible();
      await nav.getByRole('link', { name: ko.course.nextLesson }).click();

      await expect(page.getByRole('heading', { level: 1, name: '확인 문제' })).toBeVisible();
      await page.getByRole('radio', { name: '일을 시작할 때' }).check();
      await page.getByRole('radio', { name: ko.quiz.false }).check();
      await page.getByRole('button', { name: ko.learning.quiz.submit }).click();
      await expect(page.getByText(fill(ko.learning.quiz.passed, { mark: 100 }))).toBeVisible();
      await nav.getByRole('link', { name: ko.course.nextLesson }).click();

      await expect(page.getByRole('heading', { level: 1, name: '나의 일터' })).toBeVisible();
      await page.getByLabel(ko.learning.reflection.label).fill('서로 돕는 일터에서 일하고 싶어요.');
      await page.getByRole('button', { name: ko.learning.reflection.save }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: fill(ko.learning.finish.title, { course: done.title }) }),
      ).toBeVisible();
    });

    let code = '';
    await test.step('gets the certificate', async () => {
      await page.getByRole('link', { name: ko.learning.finish.certificate }).click();
      await expect(page.getByRole('heading', { level: 1, name: ko.learning.certificate.pageTitle })).toBeVisible();
      const certificate = page.locator('section.certificate');
      await expect(certificate).toContainText(done.title);
      code = ((await certificate.locator('.code-value').textContent()) ?? '').trim();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    });

    await test.step('a manager adds the learner to a cohort that has this course and another', async () => {
      const otherId = await restrictToCohorts(other.slug);
      const doneId = await publishedCourseId(done.slug);
      await cohortWithCourses({
        name: `E2E 마친 뒤 ${Date.now().toString(36)}`,
        courseIds: [doneId, otherId],
        learnerIds: [learner.id],
      });
    });

    await test.step('the learner starts the cohort’s other course from My learning', async () => {
      await page.goto('/learn');
      await expect(myCourse(page, done)).toContainText(ko.learning.mine.finished);
      await expect(myCourse(page, other)).toContainText(fill(ko.learning.percent, { percent: 0 }));
      await myCourse(page, other)
        .getByRole('link', { name: `${ko.learning.mine.start} — ${other.title}` })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: '근로계약서' })).toBeVisible();
      await finishReading(page);
      await expectAllSent(page);
    });

    await test.step('the finished course still shows finished, with its certificate', async () => {
      await page.goto('/learn');
      await expect(myCourse(page, done)).toContainText(ko.learning.mine.finished);
      await myLearning(page).getByRole('link', { name: done.title, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: done.title })).toBeVisible();
      const panel = page.getByRole('region', { name: ko.learning.enrol.finishedTitle });
      await expect(panel).toContainText(ko.learning.enrol.finished);
      await expect(panel.getByRole('link', { name: ko.learning.mine.certificate })).toBeVisible();
      await expect(enrolledPanel(page)).toHaveCount(0);
      await expect(page.getByText(pattern(ko.learning.percent))).toHaveCount(0);
      await expect(page.getByRole('button', { name: ko.learning.enrol.submit })).toHaveCount(0);
      // Every lesson of it is done (the reading, the quiz, the reflection; the skipped one is skipped).
      const outline = page.getByRole('navigation', { name: ko.course.outline });
      for (const title of ['근로계약서', '확인 문제', '나의 일터']) {
        await expect(
          outline
            .getByRole('listitem')
            .filter({ has: page.getByRole('link', { name: title }) })
            .last(),
        ).toContainText(ko.learning.status.completed);
      }
      await expectNoHorizontalScroll(page, WIDTH);
    });

    await test.step('the certificate is still listed, with the same code', async () => {
      await page.getByRole('link', { name: ko.learning.links.certificates }).click();
      await expect(page.getByRole('heading', { level: 1, name: ko.learning.certificates.title })).toBeVisible();
      await page.getByRole('link', { name: done.title, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: ko.learning.certificate.pageTitle })).toBeVisible();
      await expect(page.locator('section.certificate .code-value')).toHaveText(code);
    });

    await test.step('a lesson link of the finished course opens the lesson, not the finish screen', async () => {
      await page.goto(coursePath(done.slug));
      await expect(page.getByRole('heading', { level: 1, name: done.title })).toBeVisible();
      // Opening the lesson records a view; the server's answer is what could wrongly raise the finish screen.
      const answered = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/progress/events') && r.request().method() === 'POST',
      );
      await page.getByRole('navigation', { name: ko.course.outline }).getByRole('link', { name: '근로계약서' }).click();
      await answered;
      await expectAllSent(page);
      await expect(page.getByRole('heading', { level: 1, name: '근로계약서' })).toBeVisible();
      await expect(page.getByText(ko.learning.player.readDone)).toBeVisible();
      await expect(
        page.getByRole('heading', { level: 1, name: fill(ko.learning.finish.title, { course: done.title }) }),
      ).toHaveCount(0);
    });
  });
});
