import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { BASE_URL } from './support/constants';
import { createAccount, fill, ko, pattern, signIn } from './support/app';

import { publishSmallCourse } from './support/small-course';

import { keepScreen } from './support/screens';

/** A reading is done when the learner says so, or scrolls to its end (whichever comes first here). */
async function finishReading(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: ko.learning.player.markRead });
  if (await button.isVisible()) await button.click().catch(() => undefined);
  await expect(page.getByText(ko.learning.player.readDone)).toBeVisible();
}

test.describe('learning a course to the end', () => {
  test('a learner enrols, completes every lesson (failing the quiz once), finishes, and the certificate verifies signed out', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const course = await publishSmallCourse({ sequential: true });
    const learner = await createAccount('learner', 'e2e.learn');
    await signIn(page, learner.username, learner.password);

    await test.step('finds the course in the catalogue and enrols with one tap', async () => {
      await expect(page.getByRole('heading', { level: 2, name: ko.learning.mine.title })).toBeVisible();
      await page.getByRole('link', { name: course.title, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
      // Sequential: the quiz waits for the lessons before it, and says which.
      const outline = page.getByRole('navigation', { name: ko.course.outline });
      await page.getByRole('button', { name: ko.learning.enrol.submit }).click();
      // The lesson's own row (the module's row holds it too).
      const quizRow = outline
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: '확인 문제' }) })
        .last();
      await expect(quizRow).toContainText(ko.learning.status.locked);
      await expect(quizRow).toContainText(fill(ko.learning.outline.lockedBecause, { title: '근로계약서' }));
      await keepScreen(page, 'learning-course-ko-360');
      await page.getByRole('link', { name: ko.learning.mine.start }).click();
    });

    await test.step('reads the first lesson', async () => {
      await expect(page.getByRole('heading', { level: 1, name: '근로계약서' })).toBeVisible();
      await expect(page.getByText(fill(ko.learning.player.position, { current: 1, total: 4 }))).toBeVisible();
      await finishReading(page);
      await page
        .getByRole('navigation', { name: ko.course.lessonNav })
        .getByRole('link', { name: ko.course.nextLesson })
        .click();
    });

    await test.step('skips the content-noted lesson without penalty', async () => {
      await expect(page.getByRole('heading', { level: 1, name: '임금을 못 받았을 때' })).toBeVisible();
      const note = page.getByRole('note');
      await expect(note).toContainText('부당한 대우에 대한 이야기가 나와요.');
      await note.getByRole('button', { name: ko.learning.player.skip }).click();
      await expect(page.getByText(ko.learning.player.skippedTitle)).toBeVisible();
      await page
        .getByRole('navigation', { name: ko.course.lessonNav })
        .getByRole('link', { name: ko.course.nextLesson })
        .click();
    });

    await test.step('fails the quiz once, reads why, and passes on the second try', async () => {
      await expect(page.getByRole('heading', { level: 1, name: '확인 문제' })).toBeVisible();
      await page.getByRole('radio', { name: '그만둘 때' }).check();
      await page.getByRole('radio', { name: ko.quiz.false }).check();
      await page.getByRole('button', { name: ko.learning.quiz.submit }).click();
      await expect(page.getByText(fill(ko.learning.quiz.score, { score: 50 }))).toBeVisible();
      await expect(page.getByText(fill(ko.learning.quiz.notPassed, { mark: 100 }))).toBeVisible();
      await expect(page.getByRole('group', { name: fill(ko.quiz.questionNumber, { number: 1 }) })).toContainText(
        '일을 시작할 때 받아요.',
      );

      await page.getByRole('button', { name: ko.quiz.again }).click();
      await page.getByRole('radio', { name: '일을 시작할 때' }).check();
      await page.getByRole('radio', { name: ko.quiz.false }).check();
      await page.getByRole('button', { name: ko.learning.quiz.submit }).click();
      await expect(page.getByText(fill(ko.learning.quiz.score, { score: 100 }))).toBeVisible();
      await expect(page.getByText(fill(ko.learning.quiz.passed, { mark: 100 }))).toBeVisible();
      await page
        .getByRole('navigation', { name: ko.course.lessonNav })
        .getByRole('link', { name: ko.course.nextLesson })
        .click();
    });

    await test.step('writes a reflection, and the course is finished: a clear moment', async () => {
      await expect(page.getByRole('heading', { level: 1, name: '나의 일터' })).toBeVisible();
      await expect(page.getByRole('checkbox', { name: ko.learning.reflection.share })).not.toBeChecked();
      await page.getByLabel(ko.learning.reflection.label).fill('서로 존중하는 일터에서 일하고 싶어요.');
      await page.getByRole('button', { name: ko.learning.reflection.save }).click();
      const finished = page.getByRole('heading', {
        level: 1,
        name: fill(ko.learning.finish.title, { course: course.title }),
      });
      await expect(finished).toBeVisible();
      await expect(finished).toBeFocused();
      await page.getByRole('link', { name: ko.learning.finish.certificate }).click();
    });

    let code = '';
    await test.step('the certificate carries the display name and a verification code', async () => {
      await expect(page.getByRole('heading', { level: 1, name: ko.learning.certificate.pageTitle })).toBeVisible();
      const certificate = page.locator('section.certificate');
      await expect(certificate).toContainText(learner.displayName);
      await expect(certificate).toContainText(course.title);
      code = ((await certificate.locator('.code-value').textContent()) ?? '').trim();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await expect(certificate.getByRole('link', { name: `${BASE_URL}/verify/${code}` })).toBeVisible();
      await expect(page.getByLabel(ko.learning.certificate.nameLabel)).toHaveValue(learner.displayName);
      await keepScreen(page, 'learning-certificate-ko-360');

      // The journal keeps the reflection.
      await page.goto('/learn/journal');
      await expect(page.getByText('서로 존중하는 일터에서 일하고 싶어요.')).toBeVisible();
      await expect(page.getByText(ko.learning.journal.private)).toBeVisible();
    });

    await test.step('anyone can verify the code, signed out, and sees only the name, course and date', async () => {
      const stranger = await browser.newContext();
      try {
        const other = await stranger.newPage();
        await other.goto(`/verify/${code}`);
        await expect(other.getByText(ko.learning.verify.valid)).toBeVisible();
        const result = other.getByRole('region', { name: ko.learning.verify.result });
        await expect(result).toContainText(learner.displayName);
        await expect(result).toContainText(course.title);
        await expect(result).not.toContainText(learner.username);
        await other.goto('/verify/ZZZZ-ZZZZ-ZZZZ');
        await expect(other.getByRole('alert')).toContainText(ko.learning.verify.notFound);
      } finally {
        await stranger.close();
      }
    });

    await test.step('My learning shows the course finished with its certificate', async () => {
      await page.goto('/learn');
      const mine = page
        .locator('section')
        .filter({ has: page.getByRole('heading', { level: 2, name: ko.learning.mine.title }) });
      await expect(mine.getByRole('listitem').filter({ hasText: course.title })).toContainText(
        ko.learning.mine.finished,
      );
      await expect(page.getByText(pattern(ko.learning.sync.waiting))).toHaveCount(0);
    });
  });
});
