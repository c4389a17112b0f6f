// What first real use found for managers and admins: the one-time code seen on a phone, the device
// list, the user page (courses, cohorts, erasure), the exports in the manager's language with an Excel
// file, and staff pages that use a laptop's width. Screens are kept at 360 px in Korean, and in Chinese
// at the largest reading size, for people to look at.
import { request, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expect, test } from './support/test';
import {
  apiAs,
  createAccount,
  DEMO,
  expectNoHorizontalScroll,
  fill,
  fillSignIn,
  ko,
  newPassword,
  signIn,
  uniqueUsername,
  zh,
  type CreatedAccount,
} from './support/app';
import { asRole, signedOut } from './support/auth';
import { BASE_URL } from './support/constants';
import { cohortWithCourses, publishedCourseId } from './support/cohorts';
import { keepScreen } from './support/screens';
import { publishSmallCourse, type SmallCourse } from './support/small-course';
import koPrivacy from '../apps/web/src/i18n/locales/ko/privacy.json' with { type: 'json' };
import zhPrivacy from '../apps/web/src/i18n/locales/zh/privacy.json' with { type: 'json' };

const KOREA_OFFSET_MS = 9 * 60 * 60 * 1000;

/** A moment's Korea wall clock as the exports write it: "2026-12-07 14:05". */
function koreaExportTime(iso: string): string {
  return new Date(new Date(iso).getTime() + KOREA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** A moment's Korea wall clock as the Korean pages show it: "2026. 12. 7. 14:05". */
function koreaPageTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + KOREA_OFFSET_MS);
  const hm = d.toISOString().slice(11, 16);
  return `${d.getUTCFullYear()}. ${d.getUTCMonth() + 1}. ${d.getUTCDate()}. ${hm}`;
}

/** The largest reading size, set the way the reading menu remembers it on the phone. */
async function largestReadingSize(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.localStorage.setItem('dari.reading', JSON.stringify({ size: 'larger', spacing: 'normal' }));
  });
}

/** A fresh admin whose saved language is Chinese, signed in on `page` through the form. */
async function chineseAdmin(page: Page): Promise<void> {
  const admin = await apiAs(DEMO.admin.username);
  const username = uniqueUsername('e2e.staff.zh');
  const password = newPassword();
  try {
    const res = await admin.post('/api/v1/admin/users', {
      data: { username, displayName: `管理员 ${username.slice(-5)}`, role: 'admin', locale: 'zh', password },
    });
    expect(res.status(), await res.text()).toBe(201);
  } finally {
    await admin.dispose();
  }
  // The form in Korean; once signed in, the page turns to the account's language.
  await page.goto('/sign-in');
  await fillSignIn(page, username, password);
  await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
  await expect(page.getByRole('navigation', { name: zh.nav.label })).toBeVisible();
}

/** A learner account (made by demo.admin) with its own API session. */
async function learnerWithApi(prefix: string): Promise<{ learner: CreatedAccount; api: APIRequestContext }> {
  const learner = await createAccount('learner', prefix);
  return { learner, api: await apiAs(learner.username, learner.password) };
}

/** The learner reads the course's first lesson, as the player would send it. */
async function readFirstLesson(api: APIRequestContext, course: SmallCourse): Promise<void> {
  const res = await api.post('/api/v1/progress/events', {
    data: {
      events: [{ id: randomUUID(), lessonId: course.reading, occurredAt: new Date().toISOString(), type: 'completed' }],
    },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

async function enrol(api: APIRequestContext, course: SmallCourse): Promise<void> {
  const res = await api.post(`/api/v1/courses/${course.slug}/enrol`, { data: {} });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

/** The admin's new-user form, sent: the page then shows the one-time code. */
async function makeUserThroughForm(page: Page, words: typeof ko | typeof zh, displayName: string): Promise<string> {
  const username = uniqueUsername('e2e.code');
  await page.goto('/admin/users/new');
  await page.getByLabel(words.fields.username).fill(username);
  await page.getByLabel(words.fields.displayName, { exact: true }).fill(displayName);
  await page.getByRole('button', { name: words.newUser.submit, exact: true }).click();
  return username;
}

async function signInElsewhere(browser: Browser, username: string, password: string) {
  const context = await browser.newContext({ ...signedOut });
  const page = await context.newPage();
  await signIn(page, username, password);
  return { context, page };
}

test.describe('admin on a phone', () => {
  test.use(asRole('admin'));

  test('the one-time code takes the focus, in view, with the username beside it', async ({ page }) => {
    const username = await makeUserThroughForm(page, ko, '새 학습자');
    const box = page.getByTestId('one-time-code-box');
    await expect(box).toBeFocused();
    await expect(box).toBeInViewport();
    await expect(page.getByTestId('one-time-code')).toBeInViewport();
    await expect(page.getByTestId('one-time-code-username')).toHaveText(username);
    await expectNoHorizontalScroll(page, 360);
    await keepScreen(page, 'staff-one-time-code-ko-360');
  });

  test("the user page lists the person's cohorts and courses, and erases after a confirm step", async ({ page }) => {
    const course = await publishSmallCourse();
    const { learner, api } = await learnerWithApi('e2e.erase');
    try {
      await enrol(api, course);
    } finally {
      await api.dispose();
    }
    const cohortName = `지울 기수 ${learner.username.slice(-5)}`;
    const cohortId = await cohortWithCourses({ name: cohortName, courseIds: [], learnerIds: [learner.id] });

    await page.goto(`/admin/users/${learner.id}`);
    const places = page.getByRole('region', { name: ko.userDetail.placesTitle });
    const cohort = places.getByRole('listitem').filter({ hasText: cohortName });
    await expect(cohort.getByRole('link', { name: cohortName })).toHaveAttribute(
      'href',
      `/program/cohorts/${cohortId}`,
    );
    await expect(cohort).toContainText(ko.userDetail.cohortRoles.learner);
    const enrolment = places.getByRole('listitem').filter({ hasText: course.title });
    await expect(enrolment).toContainText(ko.userDetail.enrolmentStatus.active);
    await expect(enrolment).toContainText(fill(ko.userDetail.percent, { percent: 0 }));
    await expectNoHorizontalScroll(page, 360);
    await keepScreen(page, 'staff-user-page-ko-360');

    await page.getByRole('button', { name: ko.userDetail.erase }).click();
    await expect(
      page.getByText(fill(ko.userDetail.eraseConfirm, { name: learner.displayName, username: learner.username })),
    ).toBeVisible();
    await page.getByRole('button', { name: ko.userDetail.eraseYes }).click();
    await expect(page.getByRole('heading', { level: 1, name: ko.userDetail.erasedTitle })).toBeVisible();
    // The account is gone: it cannot sign in (a request context of its own: the admin's session stays as it is).
    const anonymous = await request.newContext({
      baseURL: BASE_URL,
      extraHTTPHeaders: { 'x-dari-client': 'web' },
      storageState: signedOut.storageState,
    });
    const res = await anonymous.post('/api/v1/auth/login', {
      data: { username: learner.username, password: learner.password },
    });
    await anonymous.dispose();
    expect(res.status()).toBe(401);
  });
});

test.describe('devices', () => {
  // A laptop far from Korea: the list still says Korea time.
  test.use({ ...signedOut, timezoneId: 'Europe/London' });

  test('this device first and marked, times in Korea time; ending the others keeps this one signed in', async ({
    page,
    browser,
  }) => {
    // A fresh account: ending sessions on a shared demo account would sign every other journey out.
    const account = await createAccount('manager', 'e2e.devices');
    const other = await signInElsewhere(browser, account.username, account.password);
    try {
      await signIn(page, account.username, account.password);
      await page.goto('/account');
      const rows = page.getByTestId('device');
      await expect(rows).toHaveCount(2);
      await expect(rows.first()).toContainText(koPrivacy.privacy.devices.thisOne);
      await expect(rows.nth(1)).not.toContainText(koPrivacy.privacy.devices.thisOne);
      // Named by browser and system, not the raw user agent.
      await expect(rows.first().locator('.device-name strong')).toHaveText(/\S+의 \S+/);

      // When it signed in and when it was last used, to the minute, in Korea time.
      const sessions = (await (await page.request.get('/api/v1/me/sessions')).json()) as {
        items: { current: boolean; createdAt: string; lastSeenAt: string }[];
      };
      const otherSession = sessions.items.find((s) => !s.current)!;
      await expect(rows.nth(1)).toContainText(
        fill(koPrivacy.privacy.devices.signedIn, { date: koreaPageTime(otherSession.createdAt) }),
      );
      await expect(rows.nth(1)).toContainText(
        fill(koPrivacy.privacy.devices.lastSeen, { date: koreaPageTime(otherSession.lastSeenAt) }),
      );
      await keepScreen(page, 'staff-devices-ko-360');

      await page.getByRole('button', { name: fill(koPrivacy.privacy.devices.endOthers_other, { count: 1 }) }).click();
      await page.getByRole('button', { name: koPrivacy.privacy.devices.endOthersYes }).click();
      await expect(page.getByText(fill(koPrivacy.privacy.devices.endedOthers_other, { count: 1 }))).toBeVisible();
      await expect(rows).toHaveCount(1);
      await expect(page.getByText(koPrivacy.privacy.devices.onlyThisOne)).toBeVisible();
      expect((await other.page.request.get('/api/v1/me')).status()).toBe(401);
      expect((await page.request.get('/api/v1/me')).status()).toBe(200);
    } finally {
      await other.context.close();
    }
  });
});

test.describe('manager', () => {
  test.use(asRole('manager'));

  /** A cohort with the small course and one learner who has read its first lesson. */
  async function cohortWithProgress(prefix: string) {
    const course = await publishSmallCourse();
    const { learner, api } = await learnerWithApi(prefix);
    const courseId = await publishedCourseId(course.slug);
    const cohortName = `내보내기 기수 ${learner.username.slice(-5)}`;
    const cohortId = await cohortWithCourses({ name: cohortName, courseIds: [courseId], learnerIds: [learner.id] });
    try {
      await enrol(api, course);
      await readFirstLesson(api, course);
    } finally {
      await api.dispose();
    }
    return { course, learner, cohortName, cohortId };
  }

  test.describe('on a 1280 px laptop', () => {
    test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

    test('the progress grid uses the width and its Korean headers break between words', async ({ page }) => {
      const { cohortName, cohortId } = await cohortWithProgress('e2e.wide');
      await page.goto(`/program/cohorts/${cohortId}?tab=progress`);
      await expect(page.getByRole('heading', { level: 1, name: cohortName })).toBeVisible();
      const header = page.getByRole('columnheader').first();
      await expect(header).toBeVisible();
      const main = (await page.locator('main').boundingBox())!;
      expect(main.width).toBeGreaterThan(1100); // the learner's reading column is about 870 px
      expect(main.width).toBeLessThanOrEqual(1280);
      expect(await header.evaluate((th) => getComputedStyle(th).wordBreak)).toBe('keep-all');
      await expectNoHorizontalScroll(page, 1280);
    });
  });

  test("the cohort's exports are in Korean, as CSV and as an Excel file named by the cohort and the day", async ({
    page,
  }) => {
    const { course, learner, cohortName, cohortId } = await cohortWithProgress('e2e.export');
    const grid = (await (await page.request.get(`/api/v1/reports/cohorts/${cohortId}`)).json()) as {
      learners: { displayName: string; lastActiveAt: string | null; cells: ({ percent: number } | null)[] }[];
    };
    const row = grid.learners.find((l) => l.displayName === learner.displayName)!;
    expect(row.lastActiveAt).not.toBeNull();
    const percent = row.cells[0]!.percent;
    expect(percent).toBeGreaterThan(0);

    await page.goto(`/program/cohorts/${cohortId}?tab=progress`);
    const csvLink = page.getByRole('link', { name: ko.program.grid.downloadCsv });
    const xlsxLink = page.getByRole('link', { name: ko.program.downloadXlsx });
    await expect(csvLink).toHaveAttribute('href', /[?&]lang=ko\b/);
    await expect(xlsxLink).toHaveAttribute('href', /[?&]format=xlsx\b/);
    const dayBefore = koreaExportTime(new Date().toISOString()).slice(0, 10);
    const csv = await page.request.get((await csvLink.getAttribute('href'))!);
    const xlsx = await page.request.get((await xlsxLink.getAttribute('href'))!);
    const dayAfter = koreaExportTime(new Date().toISOString()).slice(0, 10);

    expect(csv.status()).toBe(200);
    const text = (await csv.body()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [headers, ...lines] = text.slice(1).trim().split(/\r?\n/);
    expect(headers.split(',')).toEqual([
      '학습자',
      '마지막으로 배운 때',
      '도움 필요',
      `${course.title} 진도`,
      `${course.title} 상태`,
      `${course.title} 마감 지남`,
    ]);
    expect(lines).toContainEqual(
      `${learner.displayName},${koreaExportTime(row.lastActiveAt!)},아니요,${percent}%,배우는 중,아니요`,
    );

    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

    // The file name: the cohort's name, the report and the Korean day.
    const named = (ext: string) =>
      [dayBefore, dayAfter].map((day) => `filename*=UTF-8''${encodeURIComponent(`${cohortName} 진도 ${day}.${ext}`)}`);
    expect(named('csv').some((n) => csv.headers()['content-disposition'].includes(n))).toBe(true);
    expect(named('xlsx').some((n) => xlsx.headers()['content-disposition'].includes(n))).toBe(true);
  });
});

test.describe('Chinese at the largest reading size, 360 px', () => {
  test.use(signedOut);

  test.beforeEach(async ({ page }) => {
    await largestReadingSize(page);
    await chineseAdmin(page);
  });

  test('the new-user page with its one-time code', async ({ page }) => {
    const username = await makeUserThroughForm(page, zh, '新学员');
    await expect(page.getByTestId('one-time-code-box')).toBeFocused();
    await expect(page.getByTestId('one-time-code')).toBeInViewport();
    await expect(page.getByTestId('one-time-code-username')).toHaveText(username);
    await expectNoHorizontalScroll(page, 360);
    await keepScreen(page, 'staff-one-time-code-zh-larger-360');
  });

  test('the device list', async ({ page }) => {
    await page.goto('/account');
    await expect(page.getByTestId('device').first()).toContainText(zhPrivacy.privacy.devices.thisOne);
    await expectNoHorizontalScroll(page, 360);
    await keepScreen(page, 'staff-devices-zh-larger-360');
  });

  test('the user page', async ({ page }) => {
    const course = await publishSmallCourse();
    const { learner, api } = await learnerWithApi('e2e.zhview');
    try {
      await enrol(api, course);
      await readFirstLesson(api, course);
    } finally {
      await api.dispose();
    }
    await cohortWithCourses({ name: `第一期 ${learner.username.slice(-5)}`, courseIds: [], learnerIds: [learner.id] });
    await page.goto(`/admin/users/${learner.id}`);
    const places = page.getByRole('region', { name: zh.userDetail.placesTitle });
    await expect(places.getByRole('listitem').filter({ hasText: course.title })).toContainText(
      zh.userDetail.enrolmentStatus.active,
    );
    await expectNoHorizontalScroll(page, 360);
    await keepScreen(page, 'staff-user-page-zh-larger-360');
  });
});
