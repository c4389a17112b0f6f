// What the first real use on a 360 px phone found (learners and the join-code handout): a short header with
// the menu as tabs at the bottom, one "next lesson" button, joining with a code when signed out or in,
// QR codes on the handout and the certificate, a certificate that fits at the largest reading size, and
// flashcards with a review date kept on the server.
import type { APIRequestContext, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { apiAs, createAccount, DEMO, expectNoHorizontalScroll, fill, ko, signIn, zh } from './support/app';
import { cohortWithCourses, publishedCourseId } from './support/cohorts';
import { keepScreen } from './support/screens';
import { publishSmallCourse, type SmallCourse } from './support/small-course';
import { expect, test } from './support/test';
import koFlashcards from '../apps/web/src/i18n/locales/ko/flashcards.json' with { type: 'json' };

const WIDTH = 360;

/** The largest reading size, set the way the reading menu remembers it on the phone. */
async function largestReadingSize(page: Page): Promise<void> {
  await page.addInitScript(() =>
    window.localStorage.setItem('dari.reading', JSON.stringify({ size: 'larger', spacing: 'normal' })),
  );
}

/** How many lines the element's text takes (one rectangle per line box). */
async function lineCount(page: Page, selector: string, text: string): Promise<number> {
  return page.evaluate(
    ([sel, label]) => {
      const el = [...document.querySelectorAll<HTMLElement>(sel)].find((e) => e.textContent.trim() === label);
      if (!el) return -1;
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    },
    [selector, text] as const,
  );
}

async function chooseLanguage(page: Page, name: string): Promise<void> {
  await page.locator('.language-switch').getByRole('button', { name }).click();
}

/** Finishes the small course through the API, as the player would send it. */
async function finishThroughApi(api: APIRequestContext, course: SmallCourse): Promise<void> {
  const at = new Date().toISOString();
  const event = (lessonId: string, type: string, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    lessonId,
    occurredAt: at,
    type,
    ...extra,
  });
  const res = await api.post('/api/v1/progress/events', {
    data: {
      events: [
        event(course.reading, 'completed'),
        event(course.sensitive, 'skipped'),
        event(course.quiz, 'quiz_submitted', { answers: { q1: ['a'], q2: false } }),
        event(course.reflection, 'reflection_saved', { text: '서로 돕는 일터', shared: false }),
      ],
    },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

test.describe('first use on a 360 px phone', () => {
  test('the sign-in page leads to joining with a code', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: ko.signIn.haveJoinCode }).click();
    await expect(page.getByRole('heading', { level: 1, name: ko.join.enterTitle })).toBeVisible();
    await expect(page.getByLabel(ko.join.code)).toBeVisible();
    await expectNoHorizontalScroll(page, WIDTH);
    await page.goto('/sign-in');
    await chooseLanguage(page, '中文');
    await expect(page.getByRole('link', { name: zh.signIn.haveJoinCode })).toBeVisible();
    await keepScreen(page, 'first-use-sign-in-zh-360');
  });

  test("a learner's header is one short row, the menu is a tab bar at the bottom, and a lesson has one 'next lesson'", async ({
    page,
  }) => {
    const course = await publishSmallCourse();
    const learner = await createAccount('learner', 'e2e.firstuse');
    const api = await apiAs(learner.username, learner.password);
    try {
      expect((await api.post(`/api/v1/courses/${course.slug}/enrol`, { data: {} })).status()).toBe(200);
    } finally {
      await api.dispose();
    }
    await signIn(page, learner.username, learner.password);

    await test.step('header and tabs', async () => {
      const header = await page.locator('header.site-header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(72);
      const nav = page.getByRole('navigation', { name: ko.nav.label });
      const tabs = await nav.boundingBox();
      // At the bottom of the screen, over the whole width.
      expect(Math.round(tabs!.y + tabs!.height)).toBe(740);
      expect(Math.round(tabs!.width)).toBe(WIDTH);
      for (const tab of await nav.locator('a, button').all()) {
        const box = await tab.boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(44);
        expect(box!.width).toBeGreaterThanOrEqual(44);
      }
      await expectNoHorizontalScroll(page, WIDTH);
      await keepScreen(page, 'first-use-learn-ko-360');
      // The footer is not hidden under the tabs: the page ends above them.
      await page.locator('footer.site-footer').scrollIntoViewIfNeeded();
      const footer = await page.locator('footer.site-footer').boundingBox();
      expect(footer!.y + footer!.height).toBeLessThanOrEqual(tabs!.y + 1);
    });

    await test.step('"Sign out" stays on one line in English, also at the largest reading size', async () => {
      await chooseLanguage(page, 'English');
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
      expect(await lineCount(page, '.nav-button', 'Sign out')).toBe(1);
      await page.evaluate(() => document.documentElement.classList.add('reading-size-larger'));
      expect(await lineCount(page, '.nav-button', 'Sign out')).toBe(1);
      await expectNoHorizontalScroll(page, WIDTH);
      await keepScreen(page, 'first-use-learn-en-larger-360');
      await page.evaluate(() => document.documentElement.classList.remove('reading-size-larger'));
      await chooseLanguage(page, '中文');
      await keepScreen(page, 'first-use-learn-zh-360');
      await chooseLanguage(page, '한국어');
    });

    await test.step('a finished reading offers one way on', async () => {
      await page.goto(`/learn/courses/${course.slug}/lessons/${course.reading}`);
      await expect(page.getByRole('heading', { level: 1, name: '근로계약서' })).toBeVisible();
      await page.getByRole('button', { name: ko.learning.player.markRead }).click();
      await expect(page.getByText(ko.learning.player.readDone)).toBeVisible();
      await expect(page.getByRole('link', { name: ko.course.nextLesson })).toHaveCount(1);
      await expect(
        page.getByRole('navigation', { name: ko.course.lessonNav }).getByRole('link', { name: ko.course.nextLesson }),
      ).toHaveClass(/button-primary/);
      await keepScreen(page, 'first-use-lesson-done-ko-360');
    });
  });

  test('the certificate fits the screen at the largest reading size, carries a QR code, and prints', async ({
    page,
  }) => {
    const course = await publishSmallCourse();
    const learner = await createAccount('learner', 'e2e.firstcert');
    const api = await apiAs(learner.username, learner.password);
    try {
      expect((await api.post(`/api/v1/courses/${course.slug}/enrol`, { data: {} })).status()).toBe(200);
      await finishThroughApi(api, course);
    } finally {
      await api.dispose();
    }
    await largestReadingSize(page);
    await signIn(page, learner.username, learner.password);
    await page.goto('/learn/certificates');
    await page.locator('main').getByRole('link', { name: course.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: ko.learning.certificate.pageTitle })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.classList.contains('reading-size-larger'))).toBe(true);

    const certificate = page.locator('section.certificate');
    const qr = certificate.getByRole('img', { name: ko.learning.certificate.qrLabel });
    await expect(qr).toBeVisible();
    const code = ((await certificate.locator('.code-value').textContent()) ?? '').trim();
    // The QR code holds the verify address and nothing else (no name, no course).
    await expect(qr).toHaveAttribute('data-address', new URL(`/verify/${code}`, page.url()).href);
    for (const part of [
      certificate.locator('dd').first(),
      certificate.locator('.code-value'),
      certificate.getByRole('link'),
    ]) {
      const box = await part.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
    }
    await expectNoHorizontalScroll(page, WIDTH);
    await keepScreen(page, 'first-use-certificate-ko-larger-360');
    await chooseLanguage(page, '中文');
    await expect(page.getByRole('heading', { level: 1, name: zh.learning.certificate.pageTitle })).toBeVisible();
    await expectNoHorizontalScroll(page, WIDTH);
    await keepScreen(page, 'first-use-certificate-zh-larger-360');

    // Printed (the page is in Chinese now, and so is the code's text alternative).
    await page.emulateMedia({ media: 'print' });
    const printedQr = certificate.getByRole('img', { name: zh.learning.certificate.qrLabel });
    await expect(printedQr).toBeVisible();
    await expect(page.locator('header.site-header')).toBeHidden();
    const printed = await certificate.boundingBox();
    const box = await printedQr.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(printed!.x + printed!.width);
    await keepScreen(page, 'first-use-certificate-print');
  });

  test('the join-code handout carries a QR code, and a signed-in learner joins a cohort with the code', async ({
    page,
    browser,
  }) => {
    const course = await publishSmallCourse();
    const courseId = await publishedCourseId(course.slug);
    const cohortId = await cohortWithCourses({
      name: `첫 사용 ${randomUUID().slice(0, 5)}`,
      courseIds: [courseId],
      learnerIds: [],
    });
    const manager = await apiAs(DEMO.manager.username);
    let joinCode: { id: string; code: string };
    try {
      const res = await manager.post(`/api/v1/cohorts/${cohortId}/join-codes`, { data: {} });
      expect(res.status(), await res.text()).toBe(201);
      joinCode = (await res.json()) as { id: string; code: string };
    } finally {
      await manager.dispose();
    }

    const staff = await browser.newContext({ viewport: { width: WIDTH, height: 740 } });
    try {
      const sheet = await staff.newPage();
      await signIn(sheet, DEMO.manager.username);
      await sheet.goto(`/program/cohorts/${cohortId}/codes/${joinCode.id}`);
      const qr = sheet.getByRole('img', { name: ko.program.printCode.qrLabel });
      await expect(qr).toBeVisible();
      await expect(qr).toHaveAttribute('data-address', new URL(`/join/${joinCode.code}`, sheet.url()).href);
      await expectNoHorizontalScroll(sheet, WIDTH);
      await keepScreen(sheet, 'first-use-handout-ko-360');
      await sheet.emulateMedia({ media: 'print' });
      await expect(qr).toBeVisible();
    } finally {
      await staff.close();
    }

    const learner = await createAccount('learner', 'e2e.firstjoin');
    await signIn(page, learner.username, learner.password);
    await page.goto(`/join/${joinCode.code}`);
    await expect(page.getByRole('heading', { level: 1, name: ko.join.existing.title })).toBeVisible();
    await expectNoHorizontalScroll(page, WIDTH);
    await keepScreen(page, 'first-use-join-signed-in-ko-360');
    await page.getByRole('button', { name: ko.join.existing.submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(ko.join.existing.doneTitle.split('{{')[0]);
    await page.getByRole('link', { name: ko.join.existing.toLearning }).click();
    await expect(page.locator('main').getByRole('link', { name: course.title }).first()).toBeVisible();
  });

  test('flashcards: "알았어요" sets the next review on the server, and North → South shows the North Korean word', async ({
    page,
  }) => {
    const learner = await createAccount('learner', 'e2e.firstcards');
    const api = await apiAs(learner.username, learner.password);
    let termId: string;
    try {
      const found = (await (await api.get(`/api/v1/glossary?q=${encodeURIComponent('임금')}`)).json()) as {
        items: { id: string; term: string; northKorean: string[] }[];
      };
      const term = found.items.find((t) => t.term === '임금')!;
      expect(term.northKorean).toContain('로임');
      termId = term.id;
      expect((await api.put(`/api/v1/me/words/${termId}`)).status()).toBe(204);
    } finally {
      await api.dispose();
    }
    await signIn(page, learner.username, learner.password);
    await page.goto('/glossary/words');
    await page.getByRole('button', { name: ko.glossary.words.cardsStart }).click();
    const cards = page.getByRole('region', { name: ko.glossary.words.cardsTitle });
    await cards.getByRole('radio', { name: koFlashcards.flashcards.northSouth }).check();
    await expect(cards.getByText('로임', { exact: true })).toBeVisible();
    await cards.getByRole('button', { name: ko.glossary.words.reveal }).click();
    await expectNoHorizontalScroll(page, WIDTH);
    await keepScreen(page, 'first-use-flashcards-ko-360');
    await cards.getByRole('button', { name: koFlashcards.flashcards.known }).click();
    await expect(cards.getByText(fill(koFlashcards.flashcards.nextIn, { term: '임금', count: 1 }))).toBeVisible();

    // A second device asks the server: the word is in box 1, due tomorrow.
    const other = await apiAs(learner.username, learner.password);
    try {
      const reviews = (await (await other.get('/api/v1/me/word-reviews')).json()) as {
        items: { termId: string; box: number; nextReviewAt: string }[];
      };
      expect(reviews.items).toEqual([expect.objectContaining({ termId, box: 1 })]);
    } finally {
      await other.dispose();
    }
    await chooseLanguage(page, '中文');
    await keepScreen(page, 'first-use-flashcards-zh-360');
  });
});
