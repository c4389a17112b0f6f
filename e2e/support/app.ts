// Shared steps for the journeys: the UI text from the web app's own catalogues, signing in through
// the page, and setting up accounts through the API (what an admin would otherwise click through).
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import koCore from '../../apps/web/src/i18n/locales/ko/core.json' with { type: 'json' };
import koAuth from '../../apps/web/src/i18n/locales/ko/auth.json' with { type: 'json' };
import koAccount from '../../apps/web/src/i18n/locales/ko/account.json' with { type: 'json' };
import koAdmin from '../../apps/web/src/i18n/locales/ko/admin.json' with { type: 'json' };
import koCourses from '../../apps/web/src/i18n/locales/ko/courses.json' with { type: 'json' };
import koAuthoring from '../../apps/web/src/i18n/locales/ko/authoring.json' with { type: 'json' };
import koGlossary from '../../apps/web/src/i18n/locales/ko/glossary.json' with { type: 'json' };
import koProgram from '../../apps/web/src/i18n/locales/ko/program.json' with { type: 'json' };
import koLearning from '../../apps/web/src/i18n/locales/ko/learning.json' with { type: 'json' };
import zhCore from '../../apps/web/src/i18n/locales/zh/core.json' with { type: 'json' };
import zhAuth from '../../apps/web/src/i18n/locales/zh/auth.json' with { type: 'json' };
import zhAccount from '../../apps/web/src/i18n/locales/zh/account.json' with { type: 'json' };
import zhAdmin from '../../apps/web/src/i18n/locales/zh/admin.json' with { type: 'json' };
import zhCourses from '../../apps/web/src/i18n/locales/zh/courses.json' with { type: 'json' };
import zhAuthoring from '../../apps/web/src/i18n/locales/zh/authoring.json' with { type: 'json' };
import zhGlossary from '../../apps/web/src/i18n/locales/zh/glossary.json' with { type: 'json' };
import zhProgram from '../../apps/web/src/i18n/locales/zh/program.json' with { type: 'json' };
import zhLearning from '../../apps/web/src/i18n/locales/zh/learning.json' with { type: 'json' };
import { authFile, hasAuthFile } from './auth';
import { BASE_URL, TEST_PASSWORD } from './constants';

// Korean is the default interface language; tests find controls by the same strings people read,
// taken from the catalogue so that a reworded label changes the test with it, not silently.
// The catalogues are split by area (apps/web/src/i18n/locales/<lng>/<area>.json): add a new area here too.
export const ko = {
  ...koCore,
  ...koAuth,
  ...koAccount,
  ...koAdmin,
  ...koCourses,
  ...koAuthoring,
  ...koGlossary,
  ...koProgram,
  ...koLearning,
};
export const zh = {
  ...zhCore,
  ...zhAuth,
  ...zhAccount,
  ...zhAdmin,
  ...zhCourses,
  ...zhAuthoring,
  ...zhGlossary,
  ...zhProgram,
  ...zhLearning,
};

export type Role = 'learner' | 'instructor' | 'manager' | 'admin';

export const DEMO: Record<Role, { username: string; home: string; navKey: keyof typeof ko.nav }> = {
  learner: { username: 'demo.learner', home: '/learn', navKey: 'learn' },
  instructor: { username: 'demo.instructor', home: '/teach', navKey: 'teach' },
  manager: { username: 'demo.manager', home: '/program', navKey: 'program' },
  admin: { username: 'demo.admin', home: '/admin/users', navKey: 'admin' },
};
export const ROLES = Object.keys(DEMO) as Role[];
export { TEST_PASSWORD };

/** Fills `{{name}}` placeholders the way i18next does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** A catalogue string with its placeholders matching anything, for messages with numbers or dates. */
export function pattern(template: string): RegExp {
  const parts = template.split(/\{\{\w+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.+'));
}

let counter = 0;
/** Usernames that no earlier run or parallel test has used (lowercase, letters, digits, dot). */
export function uniqueUsername(prefix: string): string {
  counter += 1;
  const suffix = `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
  return `${prefix.slice(0, 31 - suffix.length)}.${suffix}`; // usernames are at most 32 characters
}

/** A password no list has and that does not contain the username (the API refuses both). */
export function newPassword(): string {
  return `lantern ${randomBytes(4).toString('hex')} over the quiet river`;
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: ko.nav.label });
}

/** Signs in through the sign-in form, as a person would (the page must already be /sign-in). */
export async function fillSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(ko.fields.username).fill(username);
  await page.getByLabel(ko.fields.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: ko.signIn.submit }).click();
}

export async function signIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: ko.signIn.title })).toBeVisible();
  await fillSignIn(page, username, password);
  await expect(mainNav(page)).toBeVisible();
}

const NO_COOKIES = { cookies: [], origins: [] };

/** An API client signed in as `username`, sending the header the API asks of state-changing calls.
 *  A demo account with its usual password reuses the session the setup project saved (no argon2). */
export async function apiAs(username: string, password = TEST_PASSWORD): Promise<APIRequestContext> {
  const headers = { 'x-dari-client': 'web' };
  const role = ROLES.find((r) => DEMO[r].username === username);
  if (role && password === TEST_PASSWORD && hasAuthFile(role))
    return request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: headers, storageState: authFile(role) });
  // Cookies of its own: inside test.use(asRole(…)) a new request context would otherwise start with
  // that demo role's cookies, and signing in replaces (ends) the session it sends.
  const api = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: headers, storageState: NO_COOKIES });
  const res = await api.post('/api/v1/auth/login', { data: { username, password } });
  expect(res.status(), `API sign-in as ${username}: ${await res.text()}`).toBeLessThan(300);
  return api;
}

export interface CreatedAccount {
  id: string;
  username: string;
  displayName: string;
  password: string;
}

/** Creates an account as demo.admin through the API. */
export async function createAccount(role: Role, prefix = `e2e.${role}`): Promise<CreatedAccount> {
  const admin = await apiAs(DEMO.admin.username);
  try {
    const username = uniqueUsername(prefix);
    const displayName = `E2E ${username.slice(-6)}`;
    const password = newPassword();
    const res = await admin.post('/api/v1/admin/users', {
      data: { username, displayName, role, locale: 'ko', password },
    });
    expect(res.status(), await res.text()).toBe(201);
    const body = (await res.json()) as { user: { id: string } };
    return { id: body.user.id, username, displayName, password };
  } finally {
    await admin.dispose();
  }
}

/** The page is no wider than the screen: nothing scrolls sideways. */
export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
  expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide on a ${width}px screen`).toBeLessThanOrEqual(width);
}

/** A course slug (address name) no earlier run or parallel test has used: lowercase letters, digits, dashes. */
export function uniqueSlug(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid.toString(36)}-${counter}`.toLowerCase();
}
