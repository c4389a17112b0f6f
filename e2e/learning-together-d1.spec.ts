// Issue 17, "announcements": on a 360 px phone a manager sends an announcement to a cohort from the cohort
// page; the learner sees the unread count in the navigation, reads it in the inbox, and reads the course's
// own announcement on the course page; the manager then sees how many have read it (a count, never who).
// Screens in Korean and Chinese: the learner's course page with an announcement, the cohort's charts.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { apiAs, createAccount, DEMO, fillSignIn, newPassword, signIn, uniqueUsername } from './support/app';
import { layoutShifts, sumOfShifts, watchLayoutShifts } from './support/layout-shifts';
import { keepScreen } from './support/screens';
import { publishSmallCourse } from './support/small-course';

/** Today's Korea date plus `days`, as YYYY-MM-DD. */
function koreaDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An account whose interface language is `locale`, made by the admin (as the admin page would). */
async function accountIn(role: 'learner' | 'manager', locale: 'ko' | 'zh') {
  const admin = await apiAs(DEMO.admin.username);
  try {
    const username = uniqueUsername(`e2e.d1.${role}`);
    const password = newPassword();
    const res = await admin.post('/api/v1/admin/users', {
      data: { username, displayName: `D1 ${role}`, role, locale, password },
    });
    expect(res.status(), await res.text()).toBe(201);
    const { user } = (await res.json()) as { user: { id: string } };
    return { id: user.id, username, password };
  } finally {
    await admin.dispose();
  }
}

/** Signs in an account whose language is Chinese: the page switches to it, so wait for the Chinese navigation. */
async function signInZh(page: Page, username: string, password: string) {
  await page.goto('/sign-in');
  await fillSignIn(page, username, password);
  await expect(page.getByRole('link', { name: /^通知/ }).first()).toBeVisible();
}

/** Signs out by forgetting the session and the chosen language (the next person signs in in Korean). */
async function signOut(page: Page) {
  await page.evaluate(() => window.localStorage.clear());
  await page.context().clearCookies();
}

/** A control a thumb must hit: at least 44 × 44 CSS px on the page as drawn (WCAG 2.5.5's size). */
async function expectTapTarget(control: Locator) {
  const box = await control.boundingBox();
  expect(box, 'the control is on screen').not.toBeNull();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeGreaterThanOrEqual(44);
}

/** The reading settings' largest text with wide lines (Settings → reading), kept on this device; the page is reloaded. */
async function atLargestReading(page: Page) {
  await page.evaluate(() =>
    window.localStorage.setItem('dari.reading', JSON.stringify({ size: 'larger', spacing: 'wide' })),
  );
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/reading-size-larger/);
}

async function expectAccessible(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

test('an announcement reaches the learner on a phone: the count, the inbox, the course page; staff see the count', async ({
  page,
}) => {
  const course = await publishSmallCourse();
  const learner = await createAccount('learner', 'e2e.d1');
  const learnerZh = await accountIn('learner', 'zh');
  const managerZh = await accountIn('manager', 'zh');

  // The cohort began four weeks ago; both learners are in it and the course is assigned (they are enrolled).
  const manager = await apiAs(DEMO.manager.username);
  let cohortId: string;
  try {
    const cohort = await manager.post('/api/v1/cohorts', {
      data: { name: `공지 반 ${koreaDay(0)}`, startsOn: koreaDay(-28) },
    });
    expect(cohort.status(), await cohort.text()).toBe(201);
    cohortId = ((await cohort.json()) as { id: string }).id;
    const found = await manager.get(`/api/v1/courses/${course.slug}`);
    const { courseId } = (await found.json()) as { courseId: string };
    const members = await manager.post(`/api/v1/cohorts/${cohortId}/members`, {
      data: {
        members: [
          { userId: learner.id, role: 'learner' },
          { userId: learnerZh.id, role: 'learner' },
          { userId: managerZh.id, role: 'manager' },
        ],
      },
    });
    expect(members.status(), await members.text()).toBe(200);
    const assigned = await manager.put(`/api/v1/cohorts/${cohortId}/courses`, { data: { courseId, dueOn: null } });
    expect(assigned.status(), await assigned.text()).toBe(200);

    // The course's instructor writes to its learners (the composer under the course editor does the same).
    const instructor = await apiAs(DEMO.instructor.username);
    try {
      const toCourse = await instructor.post(`/api/v1/authoring/courses/${courseId}/announcements`, {
        data: {
          text: {
            ko: '**새 수업**을 올렸어요. 천천히 읽어 보세요.',
            zh: '我们上传了**新课程**。请慢慢阅读。',
          },
        },
      });
      expect(toCourse.status(), await toCourse.text()).toBe(201);
    } finally {
      await instructor.dispose();
    }
  } finally {
    await manager.dispose();
  }

  // The manager writes to the cohort from its page.
  await signIn(page, DEMO.manager.username);
  await page.goto(`/program/cohorts/${cohortId}`);
  const composer = page.getByRole('region', { name: '공지 보내기' });
  await composer.getByLabel('공지 (한국어)').fill('다음 주 **화요일** 저녁 7시에 모여요.');
  await composer.getByLabel('중국어 (선택)').fill('下周**二**晚上7点见。');
  await composer.getByRole('button', { name: '공지 보내기' }).click();
  await expect(composer.getByText('공지를 보냈어요.')).toBeVisible();
  await expect(composer).toContainText('2명 중 0명이 읽었어요');
  await signOut(page);

  // The learner: three unread in the navigation (the course assigned to them, and the two announcements).
  await signIn(page, learner.username, learner.password);
  await page.goto('/learn');
  const inboxLink = page.getByRole('link', { name: /읽지 않은 알림 3개/ }).first();
  await expect(inboxLink).toBeVisible();
  // The cohort's card on the home shows it too, unread.
  const cohortCard = page.getByRole('region', { name: '할 일' }).getByRole('listitem').filter({ hasText: '공지 반' });
  await expect(cohortCard.getByRole('region', { name: /^공지/ })).toContainText('화요일');
  await expectTapTarget(cohortCard.getByRole('button', { name: '읽음으로 표시' }));

  // Reading it in the inbox.
  await inboxLink.click();
  await expect(page.getByRole('heading', { level: 1, name: '알림' })).toBeVisible();
  const fromCohort = page.getByRole('listitem').filter({ hasText: '반에서 온 공지예요.' });
  await expect(fromCohort).toContainText('화요일');
  await expectTapTarget(page.getByRole('button', { name: '모두 읽음으로 표시' }));
  await atLargestReading(page);
  await expect(fromCohort).toContainText('화요일');
  await expectTapTarget(fromCohort.getByRole('button', { name: '읽음으로 표시' }));
  await keepScreen(page, 'd1-inbox-ko-360-larger');
  await page.evaluate(() => window.localStorage.removeItem('dari.reading')); // back to normal for the next screens
  await expectTapTarget(fromCohort.getByRole('button', { name: '읽음으로 표시' }));
  await fromCohort.getByRole('button', { name: '읽음으로 표시' }).click();
  await expect(fromCohort).toContainText('읽음');
  await expect(page.getByRole('link', { name: /읽지 않은 알림 2개/ }).first()).toBeVisible();

  // The course page shows the course's announcement, the newest first, and reading it there counts too.
  // It is drawn with the page, not pushed in above the outline once the page is there.
  await watchLayoutShifts(page);
  await page.goto(`/learn/courses/${course.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
  const onCourse = page.getByRole('region', { name: /^공지/ });
  await expect(onCourse).toContainText('읽지 않음 1개');
  const shifts = await layoutShifts(page);
  expect(sumOfShifts(shifts), `the course page moved: ${JSON.stringify(shifts)}`).toBeLessThan(0.01);
  await expect(onCourse.locator('strong', { hasText: '새 수업' })).toBeVisible();
  await expect(onCourse.getByRole('link', { name: '알림함에서 모든 알림 보기' })).toHaveAttribute('href', '/inbox');
  await expectAccessible(page);
  await keepScreen(page, 'd1-course-announcement-ko-360');
  await atLargestReading(page);
  await expect(onCourse.locator('strong', { hasText: '새 수업' })).toBeVisible();
  await keepScreen(page, 'd1-course-announcement-ko-360-larger');
  await expectTapTarget(onCourse.getByRole('button', { name: '읽음으로 표시' }));
  await onCourse.getByRole('button', { name: '읽음으로 표시' }).click();
  await expect(onCourse.getByRole('heading', { level: 2 })).toHaveText('공지');
  await expect(page.getByRole('link', { name: /읽지 않은 알림 1개/ }).first()).toBeVisible();
  await signOut(page);

  // The Chinese learner: the same course page in Chinese, the announcement in Chinese.
  await signInZh(page, learnerZh.username, learnerZh.password);
  await page.goto(`/learn/courses/${course.slug}`);
  const onCourseZh = page.getByRole('region', { name: /^公告/ });
  await expect(onCourseZh.locator('strong', { hasText: '新课程' })).toBeVisible();
  await expect(onCourseZh).toContainText('1 条未读');
  await keepScreen(page, 'd1-course-announcement-zh-360');
  await atLargestReading(page);
  await expect(onCourseZh.locator('strong', { hasText: '新课程' })).toBeVisible();
  await keepScreen(page, 'd1-course-announcement-zh-360-larger');
  await page.goto('/inbox');
  await expect(page.getByRole('listitem').filter({ hasText: '新课程' })).toBeVisible();
  await keepScreen(page, 'd1-inbox-zh-360-larger');
  await signOut(page);

  // Staff see how many read it, never who.
  await signIn(page, DEMO.manager.username);
  await page.goto(`/program/cohorts/${cohortId}`);
  await expect(page.getByRole('region', { name: '공지 보내기' })).toContainText('2명 중 1명이 읽었어요');
  // The cohort's charts, in Korean.
  await page.goto(`/program/cohorts/${cohortId}?tab=charts`);
  await expect(page.getByRole('heading', { level: 3, name: '주마다 배운 학습자' })).toBeVisible();
  await expect(page.locator('.line-chart canvas').first()).toBeVisible();
  await expect(page.getByRole('region', { name: '과정별 수료 추이' })).toContainText(course.title);
  await expectAccessible(page);
  await keepScreen(page, 'd1-cohort-charts-ko-360');
  await atLargestReading(page);
  await expect(page.locator('.line-chart canvas').first()).toBeVisible();
  await keepScreen(page, 'd1-cohort-charts-ko-360-larger');
  await signOut(page);

  // And in Chinese, for a manager who reads Chinese.
  await signInZh(page, managerZh.username, managerZh.password);
  await page.goto(`/program/cohorts/${cohortId}?tab=charts`);
  await expect(page.getByRole('heading', { level: 3, name: '每周学习的学员' })).toBeVisible();
  await expect(page.locator('.line-chart canvas').first()).toBeVisible();
  await keepScreen(page, 'd1-cohort-charts-zh-360');
  await atLargestReading(page);
  await expect(page.locator('.line-chart canvas').first()).toBeVisible();
  await keepScreen(page, 'd1-cohort-charts-zh-360-larger');
});
