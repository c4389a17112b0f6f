import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { asRole, signedOut } from './support/auth';
import { keepScreen } from './support/screens';
import {
  apiAs,
  createAccount,
  DEMO,
  expectNoHorizontalScroll,
  fill,
  fillSignIn,
  ko,
  mainNav,
  newPassword,
  uniqueUsername,
  zh,
} from './support/app';

/** No serious or critical axe-core finding (WCAG 2.0 A/AA, 2.1 AA), as e2e/a11y.spec.ts checks the other pages. */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

const koreanToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());

test.describe('the audit log', () => {
  test.describe(() => {
    test.use(asRole('admin'));
    test('an admin finds a learner’s failed sign-in', { tag: '@desktop' }, async ({ page, browser }) => {
      test.setTimeout(90_000); // a failed sign-in (argon2), axe and a full-page screenshot on the 2-core CI machine
      const learner = await createAccount('learner', 'e2e.audit');
      await page.goto(DEMO.admin.home);

      // The learner mistypes their password once, on their own phone.
      const learnerContext = await browser.newContext({ ...signedOut });
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
      await page.getByLabel(ko.adminAudit.filters.target, { exact: true }).fill(learner.username);
      await page
        .getByLabel(ko.adminAudit.filters.action, { exact: true })
        .selectOption({ label: ko.adminAudit.actions.login_failed });
      await page.getByLabel(ko.adminAudit.filters.from).fill(koreanToday());
      await page.getByLabel(ko.adminAudit.filters.to).fill(koreanToday());
      await page.getByRole('button', { name: ko.adminAudit.filters.apply, exact: true }).click();

      // Focus goes to the results; the count is announced; the one entry names the learner, and no one as the actor.
      await expect(page.getByRole('heading', { level: 2, name: ko.adminAudit.resultsTitle })).toBeFocused();
      await expect(
        page.getByRole('status').filter({ hasText: fill(ko.adminAudit.count, { count: 1, first: 1, last: 1 }) }),
      ).toBeVisible();
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
      await expectAccessible(page);
      await keepScreen(page, `audit-ko-${width}`);

      // Clearing the filters shows everything again, newest first, including the admin's own sign-in.
      await page.getByRole('button', { name: ko.adminAudit.filters.clear, exact: true }).click();
      await expect(page.getByRole('heading', { level: 2, name: ko.adminAudit.resultsTitle })).toBeFocused();
      await expect(
        table.locator('tbody tr').filter({ hasText: ko.adminAudit.actions.login_succeeded }).first(),
      ).toBeVisible();
      await expectNoHorizontalScroll(page, width);
    });
  });

  test('an admin who reads Chinese gets the log in Chinese', async ({ page }) => {
    // A fresh admin whose saved language is Chinese (changing demo.admin's language would disturb other journeys).
    const admin = await apiAs(DEMO.admin.username);
    const username = uniqueUsername('e2e.audit.zh');
    const password = newPassword();
    try {
      const res = await admin.post('/api/v1/admin/users', {
        data: { username, displayName: `审计 ${username.slice(-5)}`, role: 'admin', locale: 'zh', password },
      });
      expect(res.status(), await res.text()).toBe(201);
    } finally {
      await admin.dispose();
    }
    await page.goto('/sign-in');
    await fillSignIn(page, username, password);
    await expect(page.getByRole('navigation', { name: zh.nav.label })).toBeVisible();
    await page
      .getByRole('navigation', { name: zh.nav.label })
      .getByRole('link', { name: zh.nav.audit, exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: zh.adminAudit.title })).toBeVisible();
    await page
      .getByLabel(zh.adminAudit.filters.action, { exact: true })
      .selectOption({ label: zh.adminAudit.actions.login_succeeded });
    await page.getByRole('button', { name: zh.adminAudit.filters.apply, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: zh.adminAudit.resultsTitle })).toBeFocused();
    // Their own sign-in is there, named in Chinese.
    const rows = page.getByRole('table', { name: zh.adminAudit.tableCaption }).locator('tbody tr');
    await expect(rows.filter({ hasText: `审计 ${username.slice(-5)}` }).first()).toContainText(
      zh.adminAudit.actions.login_succeeded,
    );
    const width = page.viewportSize()!.width;
    await expectNoHorizontalScroll(page, width);
    await expectAccessible(page);
    await keepScreen(page, `audit-zh-${width}`);
  });
});
