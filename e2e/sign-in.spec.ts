import { expect, test } from './support/test';
import { BASE_URL, MAX_FAILURES_PER_ACCOUNT } from './support/constants';
import { createAccount, DEMO, fillSignIn, ko, mainNav, pattern, ROLES, signIn, TEST_PASSWORD, zh } from './support/app';
import { asRole } from './support/auth';

test.describe('signing in', () => {
  for (const role of ROLES) {
    test(`${role} signs in and sees only their own navigation`, { tag: '@desktop' }, async ({ page }) => {
      const { username, home, navKey } = DEMO[role];
      await signIn(page, username);
      await expect(page).toHaveURL(`${BASE_URL}${home}`);

      const nav = mainNav(page);
      await expect(nav.getByRole('link', { name: ko.nav[navKey], exact: true })).toBeVisible();
      await expect(nav.getByRole('link', { name: ko.nav.account, exact: true })).toBeVisible();
      // Admins also write courses ("Teaching") and see every program; managers read courses ("Courses"). Nothing else shows.
      const alsoSees: Record<typeof role, (keyof typeof ko.nav)[]> = {
        learner: [],
        instructor: [],
        manager: ['courses'],
        admin: ['teach', 'program'],
      };
      for (const key of alsoSees[role])
        await expect(nav.getByRole('link', { name: ko.nav[key], exact: true })).toBeVisible();
      for (const other of ROLES.filter((r) => r !== role)) {
        if (alsoSees[role].includes(DEMO[other].navKey)) continue;
        await expect(nav.getByRole('link', { name: ko.nav[DEMO[other].navKey], exact: true })).toHaveCount(0);
      }

      // The role's own page, reached from the navigation.
      await nav.getByRole('link', { name: ko.nav[navKey], exact: true }).click();
      await expect(page).toHaveURL(`${BASE_URL}${home}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  }

  test.describe(() => {
    test.use(asRole('learner'));
    test('a learner who opens an admin page is told it is not for them', async ({ page }) => {
      await page.goto('/admin/users');
      await expect(page.getByRole('heading', { level: 1, name: ko.forbidden.title })).toBeVisible();
      await expect(page.getByRole('table')).toHaveCount(0);
    });
  });

  test(
    'a wrong password shows a clear message and keeps the person on the sign-in page',
    { tag: '@desktop' },
    async ({ page }) => {
      await page.goto('/sign-in');
      await fillSignIn(page, DEMO.learner.username, 'not the right password at all');
      await expect(page.getByRole('alert')).toContainText(ko.errors.invalid_credentials);
      await expect(page).toHaveURL(/\/sign-in/);
      await expect(page.getByLabel(ko.fields.password, { exact: true })).toHaveValue('');
      await expect(mainNav(page)).toHaveCount(0);
    },
  );

  test('too many wrong passwords pause the account with a message saying for how long', async ({ page }) => {
    const account = await createAccount('learner', 'e2e.throttle');
    await page.goto('/sign-in');
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i += 1) {
      await fillSignIn(page, account.username, `wrong guess number ${i}`);
      await expect(page.getByRole('alert')).toContainText(ko.errors.invalid_credentials);
    }
    // Now even the right password waits: no one can keep guessing.
    await fillSignIn(page, account.username, account.password);
    await expect(page.getByRole('alert')).toContainText(pattern(ko.errors.too_many_attempts));
    await expect(mainNav(page)).toHaveCount(0);
  });

  test('switching to 中文 changes the interface and the page language', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { level: 1, name: ko.signIn.title })).toBeVisible();

    const switcher = page.getByRole('group', { name: ko.language.label });
    await switcher.getByRole('button', { name: '中文' }).click();

    await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
    await expect(page.getByRole('heading', { level: 1, name: zh.signIn.title })).toBeVisible();
    await expect(page.getByRole('button', { name: zh.signIn.submit, exact: true })).toBeVisible();
    await expect(page.getByLabel(zh.fields.username)).toBeVisible();
    await expect(
      page.getByRole('group', { name: zh.language.label }).getByRole('button', { name: '中文' }),
    ).toHaveAttribute('aria-pressed', 'true');

    // The choice stays after a reload, and signing in works in Chinese too.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: zh.signIn.title })).toBeVisible();
    await page.getByLabel(zh.fields.username).fill(DEMO.learner.username);
    await page.getByLabel(zh.fields.password, { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: zh.signIn.submit, exact: true }).click();
    // demo.learner's saved language is Korean: once signed in, the account's choice wins.
    await expect(page.getByRole('navigation', { name: ko.nav.label })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  });

  test('the sign-in form works with the keyboard alone', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: ko.signIn.title })).toBeVisible();
    const username = page.getByLabel(ko.fields.username);
    const password = page.getByLabel(ko.fields.password, { exact: true });
    const submit = page.getByRole('button', { name: ko.signIn.submit });

    // Tab from the top of the page until the username field has focus (skip link, brand and
    // language buttons come first); a keyboard user must be able to get there.
    let reached = false;
    for (let i = 0; i < 15 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await username.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'Tab never reached the username field').toBe(true);
    await page.keyboard.type(DEMO.learner.username);
    await page.keyboard.press('Tab');
    await expect(password).toBeFocused();
    await page.keyboard.type(TEST_PASSWORD);

    // The submit button is reachable too (after the shared-device checkbox).
    let submitReached = false;
    for (let i = 0; i < 4 && !submitReached; i += 1) {
      await page.keyboard.press('Tab');
      submitReached = await submit.evaluate((el) => el === document.activeElement);
    }
    expect(submitReached, 'Tab never reached the submit button').toBe(true);

    // Enter in the password field submits the form.
    await password.focus();
    await page.keyboard.press('Enter');
    await expect(mainNav(page)).toBeVisible();
    await expect(page).toHaveURL(`${BASE_URL}${DEMO.learner.home}`);
  });
});
