// Every main page of every role passes axe-core (WCAG 2.0 A/AA and 2.1 AA) with no serious or critical
// violation, in Korean and in Chinese, and the learner's pages in dark mode too.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { apiAs, DEMO, fillSignIn, ko, newPassword, TEST_PASSWORD, uniqueUsername, zh, type Role } from './support/app';
import { signInAs } from './support/auth';

// axe takes a few seconds a page on a phone-sized screen; each test walks several pages, and checks
// each page once (a page in a state that shows more, e.g. with a popover open, stands for the page).
// Demo accounts start signed in (support/auth.ts); fresh accounts sign in through the form.
test.describe.configure({ timeout: 120_000 });

type Lang = 'ko' | 'zh';
const SLUG = 'rights-in-everyday-life';
const HTML_LANG: Record<Lang, string> = { ko: 'ko', zh: 'zh-Hans' };

/** axe on the page as it is now; fails with the rule, its help text and where it was found. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  // The page has settled: its h1 is there and nothing is still loading.
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('\n    ')}`,
    );
  expect(serious, `${label} at ${page.url()}`).toEqual([]);
}

/** Signs in through the form; the account's own language then applies (so no Korean label is awaited after). */
async function signIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: ko.signIn.title })).toBeVisible();
  await fillSignIn(page, username, password);
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await expect(page).not.toHaveURL(/sign-in/);
}

/** A fresh account in the given interface language (the account's language wins over the browser's). */
async function account(role: Role, locale: Lang): Promise<{ username: string; password: string }> {
  const admin = await apiAs(DEMO.admin.username);
  try {
    const username = uniqueUsername(`e2e.a11y.${role}`);
    const password = newPassword();
    const res = await admin.post('/api/v1/admin/users', {
      data: { username, displayName: `A11y ${role}`, role, locale, password },
    });
    expect(res.status(), await res.text()).toBe(201);
    return { username, password };
  } finally {
    await admin.dispose();
  }
}

async function firstLessonAfterEnrolling(username: string, password: string): Promise<string> {
  const api = await apiAs(username, password);
  try {
    expect((await api.post(`/api/v1/courses/${SLUG}/enrol`, { data: {} })).status()).toBeLessThan(300);
    const course = (await (await api.get(`/api/v1/courses/${SLUG}`)).json()) as {
      modules: { lessons: { id: string }[] }[];
    };
    return course.modules[0].lessons[0].id;
  } finally {
    await api.dispose();
  }
}

async function starterCourseId(): Promise<string> {
  const api = await apiAs(DEMO.instructor.username);
  try {
    const list = (await (await api.get('/api/v1/authoring/courses')).json()) as {
      items: { id: string; slug: string }[];
    };
    return (list.items.find((c) => c.slug === SLUG) ?? list.items[0]).id;
  } finally {
    await api.dispose();
  }
}

for (const lang of ['ko', 'zh'] as const) {
  const words = lang === 'ko' ? ko : zh;

  test.describe(`accessibility in ${lang}`, () => {
    test(`signed-out pages (${lang})`, async ({ page }) => {
      await page.goto('/sign-in');
      if (lang === 'zh') await page.getByRole('button', { name: '中文' }).click();
      await expect(page.getByRole('heading', { level: 1, name: words.signIn.title })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG[lang]);
      await expectAccessible(page, 'sign-in');
      await page.goto('/reset-code');
      await expect(page.getByRole('heading', { level: 1, name: words.resetCode.title })).toBeVisible();
      await expectAccessible(page, 'reset-code');
    });

    test(`the learner's pages (${lang})`, async ({ page }) => {
      const learner = await account('learner', lang);
      const lessonId = await firstLessonAfterEnrolling(learner.username, learner.password);
      await signIn(page, learner.username, learner.password);
      await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG[lang]);
      await expectAccessible(page, 'learner home');
      await page.goto(`/learn/courses/${SLUG}`);
      await expectAccessible(page, 'course page');
      await page.goto(`/learn/courses/${SLUG}/lessons/${lessonId}`);
      // The lesson opens in the interface's language when it has one: in Chinese the term reads 工资
      // ([[임금|工资]]), and its popover is still about the Korean term 임금. axe checks the lesson
      // with the popover open: the whole lesson and the popover at once.
      const term = page.getByRole('button', { name: lang === 'zh' ? '工资' : '임금', exact: true }).first();
      await expect(term).toBeVisible();
      await term.click();
      await expect(page.getByRole('dialog', { name: '임금' })).toBeVisible();
      await expectAccessible(page, 'lesson with a term popover open');
      await page.keyboard.press('Escape');
      await page.goto('/glossary');
      await expect(page.getByRole('heading', { level: 1, name: words.glossary.search.title })).toBeVisible();
      await expectAccessible(page, 'glossary');
      await page.goto('/glossary/words');
      await expectAccessible(page, 'my words');
      await page.goto('/account');
      await expect(page.getByRole('heading', { level: 1, name: words.account.title })).toBeVisible();
      await page.getByRole('button', { name: words.reading.button }).click();
      await expectAccessible(page, 'account, with the reading settings open');
    });

    test(`the instructor's pages (${lang})`, async ({ page }) => {
      const courseId = await starterCourseId();
      // demo.instructor owns the starter courses; in Chinese an admin (who also teaches) opens the same editor.
      if (lang === 'ko') await signInAs(page.context(), 'instructor');
      else {
        const admin = await account('admin', 'zh');
        await signIn(page, admin.username, admin.password);
      }
      await page.goto('/teach');
      await expectAccessible(page, 'teach');
      await page.goto(`/teach/courses/${courseId}`);
      await expectAccessible(page, 'course editor');
      await page.goto('/glossary/requests');
      await expectAccessible(page, 'word requests');
      await page.goto('/glossary/new');
      await expectAccessible(page, 'new term');
    });

    test(`the manager's and the admin's pages (${lang})`, async ({ page, browser }) => {
      const manager = await account('manager', lang);
      await signIn(page, manager.username, manager.password);
      await page.goto('/program');
      await expectAccessible(page, 'program');
      // The account page is the learner's test's (with the reading settings open).

      const context = await browser.newContext();
      const adminPage = await context.newPage();
      if (lang === 'ko') await signInAs(context, 'admin');
      else {
        const admin = await account('admin', 'zh');
        await signIn(adminPage, admin.username, admin.password);
      }
      await adminPage.goto('/admin/users');
      await expect(adminPage.getByRole('table')).toBeVisible();
      await expectAccessible(adminPage, 'admin users');
      await context.close();
    });
  });
}

test('the learner pages pass in dark mode too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const learner = await account('learner', 'ko');
  const lessonId = await firstLessonAfterEnrolling(learner.username, learner.password);
  await signIn(page, learner.username, learner.password);
  await expectAccessible(page, 'learner home (dark)');
  await page.goto(`/learn/courses/${SLUG}/lessons/${lessonId}`);
  const term = page.getByRole('button', { name: '임금', exact: true }).first();
  await term.click();
  await expect(page.getByRole('dialog', { name: '임금' })).toBeVisible();
  await expectAccessible(page, 'lesson with a popover (dark)');
  await page.goto('/glossary');
  await expectAccessible(page, 'glossary (dark)');
});

test('keyboard only: skip link, a term popover and back', async ({ page }) => {
  const learner = await account('learner', 'ko');
  const lessonId = await firstLessonAfterEnrolling(learner.username, learner.password);
  await signIn(page, learner.username, learner.password);
  await page.goto(`/learn/courses/${SLUG}/lessons/${lessonId}`);
  const term = page.getByRole('button', { name: '임금', exact: true }).first();
  await expect(term).toBeVisible();
  await term.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '임금' });
  await expect(dialog).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: ko.glossary.popover.close })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(term).toBeFocused();
});
