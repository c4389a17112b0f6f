import { expect, test } from './support/test';
import { BASE_URL } from './support/constants';
import { apiAs, createAccount, fillSignIn, ko, mainNav, signIn } from './support/app';

test.describe('when a session ends', () => {
  test('signing out everywhere from another phone sends this one to sign-in, then back to the same page', async ({
    page,
  }) => {
    const account = await createAccount('learner', 'e2e.session');
    await signIn(page, account.username, account.password);
    await mainNav(page).getByRole('link', { name: ko.nav.account, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: ko.account.title })).toBeVisible();

    // The same person, on another device, signs out everywhere.
    const elsewhere = await apiAs(account.username, account.password);
    try {
      const res = await elsewhere.post('/api/v1/auth/logout-all');
      expect(res.status()).toBe(204);
    } finally {
      await elsewhere.dispose();
    }

    // The next thing done on this phone finds the session gone.
    await page.getByRole('textbox', { name: ko.fields.displayName, exact: true }).fill('새 이름');
    await page.getByRole('button', { name: ko.common.save, exact: true }).click();

    await expect(page).toHaveURL(/\/sign-in\?/);
    await expect(page.getByRole('status').filter({ hasText: ko.signIn.sessionEnded })).toBeVisible();
    await expect(mainNav(page)).toHaveCount(0);
    const url = new URL(page.url());
    expect(url.searchParams.get('next')).toBe('/account');

    await fillSignIn(page, account.username, account.password);
    await expect(page).toHaveURL(`${BASE_URL}/account`);
    await expect(page.getByRole('heading', { level: 1, name: ko.account.title })).toBeVisible();
  });

  test('with its cookie gone, a reload goes to sign-in and back to the page afterwards', async ({ page, context }) => {
    const account = await createAccount('learner', 'e2e.cookie');
    await signIn(page, account.username, account.password);
    await page.goto('/account');
    await expect(page.getByRole('heading', { level: 1, name: ko.account.title })).toBeVisible();

    await context.clearCookies();
    await page.reload();

    await expect(page).toHaveURL(/\/sign-in\?/);
    await expect(page.getByRole('heading', { level: 1, name: ko.signIn.title })).toBeVisible();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account');

    await fillSignIn(page, account.username, account.password);
    await expect(page).toHaveURL(`${BASE_URL}/account`);
    await expect(page.getByRole('heading', { level: 1, name: ko.account.title })).toBeVisible();
  });

  test('signing out says so and a signed-out page asks to sign in again', { tag: '@desktop' }, async ({ page }) => {
    const account = await createAccount('learner', 'e2e.signout');
    await signIn(page, account.username, account.password);
    await mainNav(page).getByRole('button', { name: ko.nav.signOut, exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('status').filter({ hasText: ko.signIn.signedOut })).toBeVisible();
    await expect(mainNav(page)).toHaveCount(0);

    // The session is really gone on the server: the account page is not shown.
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { level: 1, name: ko.signIn.title })).toBeVisible();
  });
});
