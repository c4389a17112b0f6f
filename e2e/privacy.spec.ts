import { expect, test } from './support/test';
import { BASE_URL } from './support/constants';
import { DEMO, ko, mainNav, signIn, zh } from './support/app';

test('the app talks to no origin but its own', { tag: '@desktop' }, async ({ page, context }) => {
  const requested: string[] = [];
  // On the context, so requests from every page and worker of the journey are seen.
  context.on('request', (req) => requested.push(req.url()));

  await page.goto('/sign-in');
  await page.getByRole('group', { name: ko.language.label }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: zh.signIn.title })).toBeVisible();
  await page.getByRole('group', { name: zh.language.label }).getByRole('button', { name: '한국어' }).click();
  await signIn(page, DEMO.admin.username);
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: ko.adminUsers.backToList }).click();
  await page.getByRole('link', { name: ko.adminUsers.newUser }).click();
  await expect(page.getByRole('heading', { level: 1, name: ko.newUser.title })).toBeVisible();
  await mainNav(page).getByRole('link', { name: ko.nav.account, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: ko.account.title })).toBeVisible();
  await mainNav(page).getByRole('button', { name: ko.nav.signOut, exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  expect(requested.length).toBeGreaterThan(5);
  // data: and blob: URLs are made inside the page and go nowhere.
  const foreign = requested.filter((url) => !url.startsWith(`${BASE_URL}/`) && !/^(data|blob):/.test(url));
  expect(foreign, 'requests to other origins').toEqual([]);
});
