import { expect, test } from './support/test';
import { BASE_URL } from './support/constants';
import { createAccount, DEMO, fill, ko, mainNav, newPassword, signIn, uniqueUsername } from './support/app';
import { asRole, signedOut } from './support/auth';

test.describe('admin and accounts', () => {
  test.use(asRole('admin'));

  test(
    'an admin creates a learner with a first password, who can then sign in',
    { tag: '@desktop' },
    async ({ page, browser }) => {
      const username = uniqueUsername('e2e.new');
      const displayName = `새 학습자 ${username.slice(-5)}`;
      const password = newPassword();

      await page.goto(DEMO.admin.home);
      await mainNav(page).getByRole('link', { name: ko.nav.admin, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: ko.adminUsers.title })).toBeVisible();
      await page.getByRole('link', { name: ko.adminUsers.newUser }).click();
      await expect(page.getByRole('heading', { level: 1, name: ko.newUser.title })).toBeVisible();

      await page.getByLabel(ko.fields.username).fill(username);
      await page.getByLabel(ko.fields.displayName, { exact: true }).fill(displayName);
      await page.getByLabel(ko.fields.role).selectOption({ label: ko.roles.learner });
      await page.getByLabel(ko.newUser.password).fill(password);
      await page.getByRole('button', { name: ko.newUser.submit, exact: true }).click();
      await expect(
        page.getByRole('status').filter({ hasText: fill(ko.newUser.created, { name: displayName }) }),
      ).toBeVisible();

      // The new account is in the list.
      await page.getByRole('link', { name: ko.adminUsers.backToList }).click();
      await page.getByLabel(ko.adminUsers.search).fill(username);
      await page.getByRole('button', { name: ko.adminUsers.searchSubmit, exact: true }).click();
      await expect(page.getByRole('link', { name: username, exact: true })).toBeVisible();

      // The learner signs in on their own phone (a separate browser context: no shared cookies).
      const learnerContext = await browser.newContext({ ...signedOut });
      try {
        const learner = await learnerContext.newPage();
        await signIn(learner, username, password);
        await expect(learner).toHaveURL(`${BASE_URL}${DEMO.learner.home}`);
        await expect(mainNav(learner).getByRole('link', { name: ko.nav.learn, exact: true })).toBeVisible();
        await expect(mainNav(learner).getByRole('link', { name: ko.nav.admin, exact: true })).toHaveCount(0);
        await expect(
          learner.getByRole('heading', { level: 1, name: fill(ko.home.learn.title, { name: displayName }) }),
        ).toBeVisible();
      } finally {
        await learnerContext.close();
      }
    },
  );

  test('a reset code works once', async ({ page, browser }) => {
    const account = await createAccount('learner', 'e2e.reset');
    const chosen = newPassword();

    // The admin makes a code on the person's page.
    await page.goto(`/admin/users/${account.id}`);
    await expect(
      page.getByRole('heading', { level: 1, name: fill(ko.userDetail.title, { name: account.displayName }) }),
    ).toBeVisible();
    await page.getByRole('button', { name: ko.userDetail.resetMake, exact: true }).click();
    await page.getByRole('button', { name: ko.userDetail.resetYes, exact: true }).click();
    const codeText = page.getByTestId('one-time-code');
    await expect(codeText).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const code = (await codeText.textContent())!.trim();

    const redeem = async (context: Awaited<ReturnType<typeof browser.newContext>>) => {
      const person = await context.newPage();
      await person.goto('/sign-in');
      await person.getByRole('link', { name: ko.signIn.haveResetCode }).click();
      await expect(person.getByRole('heading', { level: 1, name: ko.resetCode.title })).toBeVisible();
      await person.getByLabel(ko.fields.username).fill(account.username);
      // Typed in lower case without the dashes, as someone copying from paper might.
      await person.getByLabel(ko.resetCode.code).fill(code.toLowerCase().replaceAll('-', ''));
      await person.getByLabel(ko.fields.newPassword, { exact: true }).fill(chosen);
      await person.getByLabel(ko.fields.confirmPassword).fill(chosen);
      await person.getByRole('button', { name: ko.resetCode.submit }).click();
      return person;
    };

    // First use: the new password is set and the person is signed in.
    const first = await browser.newContext({ ...signedOut });
    try {
      const person = await redeem(first);
      await expect(mainNav(person)).toBeVisible();
      await expect(person).toHaveURL(`${BASE_URL}${DEMO.learner.home}`);
    } finally {
      await first.close();
    }

    // Second use of the same code, on another phone: refused with a clear message.
    const second = await browser.newContext({ ...signedOut });
    try {
      const person = await redeem(second);
      await expect(person.getByRole('alert').first()).toContainText(ko.errors.invalid_reset_code);
      await expect(mainNav(person)).toHaveCount(0);
      await expect(person).toHaveURL(/\/reset-code/);
    } finally {
      await second.close();
    }

    // From now on the new password is the one that works.
    const third = await browser.newContext({ ...signedOut });
    try {
      const person = await third.newPage();
      await signIn(person, account.username, chosen);
    } finally {
      await third.close();
    }
  });
});
