import { expect, test } from './support/test';
import { createAccount, DEMO, expectNoHorizontalScroll, ko } from './support/app';
import { asRole } from './support/auth';
import { keepScreen } from './support/screens';

const WIDTH = 360;

test.describe('on a 360 px phone', () => {
  test('the signed-out pages fit the screen', async ({ page }) => {
    expect(page.viewportSize()?.width).toBe(WIDTH);
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: ko.signIn.title })).toBeVisible();
    await expectNoHorizontalScroll(page, WIDTH);
    await keepScreen(page, 'sign-in-ko-360');

    await page.goto('/reset-code');
    await expect(page.getByRole('heading', { level: 1, name: ko.resetCode.title })).toBeVisible();
    await expectNoHorizontalScroll(page, WIDTH);

    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: ko.notFound.title })).toBeVisible();
    await expectNoHorizontalScroll(page, WIDTH);
  });

  for (const role of ['learner', 'instructor', 'manager'] as const) {
    test.describe(() => {
      test.use(asRole(role));
      test(`the ${role}'s pages fit the screen`, async ({ page }) => {
        await page.goto(DEMO[role].home);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoHorizontalScroll(page, WIDTH);
        await page.goto('/account');
        await expect(page.getByRole('heading', { level: 1, name: ko.account.title })).toBeVisible();
        await expectNoHorizontalScroll(page, WIDTH);
      });
    });
  }

  test.describe(() => {
    test.use(asRole('admin'));
    test("the admin's pages fit the screen", async ({ page }) => {
      // A long name must not push the list or the detail page wider than the screen.
      const account = await createAccount('learner', 'e2e.wide.username.for.layout');
      await page.goto(DEMO.admin.home);
      await expect(page.getByRole('heading', { level: 1, name: ko.adminUsers.title })).toBeVisible();
      await expect(page.getByRole('table')).toBeVisible();
      await expectNoHorizontalScroll(page, WIDTH);
      await keepScreen(page, 'admin-users-ko-360');

      await page.goto(`/admin/users/${account.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoHorizontalScroll(page, WIDTH);

      await page.goto('/admin/users/new');
      await expect(page.getByRole('heading', { level: 1, name: ko.newUser.title })).toBeVisible();
      await expectNoHorizontalScroll(page, WIDTH);

      await page.goto('/account');
      await expect(page.getByRole('heading', { level: 1, name: ko.account.title })).toBeVisible();
      await expectNoHorizontalScroll(page, WIDTH);
    });
  });
});
