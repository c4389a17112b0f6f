import type { Page } from '@playwright/test';
import path from 'node:path';
import { expect, test } from './support/test';
import { createAccount, DEMO, expectNoHorizontalScroll, fill, fillSignIn, ko, mainNav, signIn } from './support/app';

// Screens for people to look at (not compared): test-results/screens/*.png.
async function keepScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(test.info().project.outputDir, 'screens', `${name}.png`), fullPage: true });
}

const koreanToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());

test.describe('the audit log', () => {
  test('an admin finds a learner’s failed sign-in', { tag: '@desktop' }, async ({ page, browser }) => {
    const learner = await createAccount('learner', 'e2e.audit');
    await signIn(page, DEMO.admin.username);

    // The learner mistypes their password once, on their own phone.
    const learnerContext = await browser.newContext();
    try {
      const phone = await learnerContext.newPage();
      await phone.goto('/sign-in');
      await fillSignIn(phone, learner.username, `${learner.password} typo`);
      await expect(phone.getByRole('alert')).toContainText(ko.errors.invalid_credentials);
    } finally {
      await learnerContext.close();
    }

    // The admin opens the log from the menu and asks for that learner's failed sign-ins today.
    await mainNav(page).getByRole('link', { name: ko.nav.audit, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: ko.adminAudit.title })).toBeVisible();
    await page.getByLabel(ko.adminAudit.filters.target).fill(learner.username);
    await page.getByLabel(ko.adminAudit.filters.action).selectOption({ label: ko.adminAudit.actions.login_failed });
    await page.getByLabel(ko.adminAudit.filters.from).fill(koreanToday());
    await page.getByLabel(ko.adminAudit.filters.to).fill(koreanToday());
    await page.getByRole('button', { name: ko.adminAudit.filters.apply, exact: true }).click();

    // Focus goes to the results; the count is announced; the one entry names the learner, and no one as the actor.
    await expect(page.getByRole('heading', { level: 2, name: ko.adminAudit.resultsTitle })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: fill(ko.adminAudit.count, { count: 1, first: 1, last: 1 }) })).toBeVisible();
    const table = page.getByRole('table', { name: ko.adminAudit.tableCaption });
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(ko.adminAudit.actions.login_failed);
    await expect(rows.first()).toContainText(learner.displayName);
    await expect(rows.first()).toContainText(ko.adminAudit.nobody);
    // Nothing the API did not send: the username the admin typed is not in the results or the address.
    await expect(table).not.toContainText(learner.username);
    expect(page.url()).not.toContain(learner.username);

    const width = page.viewportSize()!.width;
    await expectNoHorizontalScroll(page, width);
    await keepScreen(page, `audit-ko-${width}`);

    // Clearing the filters shows everything again, newest first, including the admin's own sign-in.
    await page.getByRole('button', { name: ko.adminAudit.filters.clear, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: ko.adminAudit.resultsTitle })).toBeFocused();
    await expect(table.locator('tbody tr').filter({ hasText: ko.adminAudit.actions.login_succeeded }).first()).toBeVisible();
    await expectNoHorizontalScroll(page, width);
    await keepScreen(page, `audit-all-ko-${width}`);
  });
});
