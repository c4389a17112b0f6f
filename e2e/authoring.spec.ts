import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { BASE_URL } from './support/constants';
import { createAccount, DEMO, fill, ko, mainNav, signIn, uniqueSlug } from './support/app';
import { asRole, signedOut } from './support/auth';
import { keepScreen } from './support/screens';

// Course authoring as an instructor does it on a phone: create a course, write a reading lesson and a
// quiz, preview, publish; then a learner finds it. Only the accounts are made through the API.

const KOREAN = '한국어';
/** A Korean text box of a field written in several languages ("본문 (한국어)"). */
const inKorean = (label: string) => fill(ko.authoring.inLanguage, { label, language: KOREAN });

async function withContext<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ ...signedOut });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** The new-course form, filled as a person would; ends on the new course's editor. Returns its id. */
async function createCourse(page: Page, title: string, slug: string): Promise<string> {
  await mainNav(page).getByRole('link', { name: ko.nav.teach, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: ko.authoring.coursesTitle })).toBeVisible();
  await page.getByRole('link', { name: ko.authoring.newCourse }).click();
  await expect(page.getByRole('heading', { level: 1, name: ko.newCourse.title })).toBeVisible();
  await page.getByLabel(ko.newCourse.titleKo).fill(title);
  await page.getByLabel(ko.newCourse.slug, { exact: true }).fill(slug);
  await page.getByRole('checkbox', { name: ko.courseTags['civic-democracy'] }).check();
  await page.getByRole('button', { name: ko.newCourse.submit, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/teach\/courses\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Adds a lesson to a module from the course editor's outline and opens its editor. */
async function addLesson(
  page: Page,
  moduleName: string,
  title: string,
  kind: keyof typeof ko.lessonKinds,
): Promise<void> {
  const form = page.getByRole('form', { name: fill(ko.outline.addLessonTo, { module: moduleName }) });
  await form.getByLabel(ko.outline.newLessonTitle).fill(title);
  await form.getByLabel(ko.outline.lessonKind).selectOption({ label: ko.lessonKinds[kind] });
  await form.getByRole('button', { name: ko.outline.addLesson, exact: true }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: fill(ko.lessonEditor.title, { title }) })).toBeVisible();
}

/** A marked glossary term: <mark> in the editor, the glossary's own button where there is a glossary. */
const TERM = (term: string) => `.term[data-term="${term}"]`;

async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: ko.autosave.saved })).toBeVisible({ timeout: 10_000 });
}

test.describe('course authoring', () => {
  test.use(asRole('instructor'));

  test(
    'an instructor writes, previews and publishes a course, and a learner finds it',
    { tag: '@desktop' },
    async ({ page, pageAs }) => {
      test.setTimeout(120_000);
      const slug = uniqueSlug('e2e-civics');
      const courseTitle = `선거와 투표 (시험 ${slug.split('-').slice(-2).join('')})`;
      const moduleTitle = '투표하는 날';
      const readingTitle = '투표소에서';
      const quizTitle = '확인 문제';
      const heading = '투표소에 가기 전에';
      const body = [
        `## ${heading}`,
        '',
        '준비할 것:',
        '',
        '- 신분증',
        '- 투표 안내문',
        '',
        '> [!TIP]',
        '> 투표소는 아침 6시부터 저녁 6시까지 열려요.',
        '',
        '[[민주주의]]에서는 누구나 한 표를 가져요.',
      ].join('\n');
      const question = '투표할 때 꼭 가져가야 하는 것은?';
      const wrongOption = '여권 사진';
      const rightOption = '신분증';
      const explanation = '사진이 붙은 신분증이 있어야 투표할 수 있어요.';

      await page.goto(DEMO.instructor.home);
      await createCourse(page, courseTitle, slug);
      await expect(page.getByText(ko.courseStatuses.draft, { exact: true })).toBeVisible();
      await expect(page.getByText(ko.publish.neverPublished)).toBeVisible();

      await test.step('a module and a reading lesson with Markdown', async () => {
        await expect(page.getByText(ko.outline.empty)).toBeVisible();
        await page.getByLabel(ko.outline.newModuleTitle).fill(moduleTitle);
        await page.getByRole('button', { name: ko.outline.addModule, exact: true }).click();
        await expect(page.getByRole('heading', { level: 3, name: moduleTitle })).toBeVisible();

        await addLesson(page, moduleTitle, readingTitle, 'reading');
        const editor = page.getByRole('region', { name: ko.lessonEditor.body, exact: true });
        await editor.getByLabel(inKorean(ko.lessonEditor.body), { exact: true }).fill(body);
        await expectSaved(page);

        // The live preview is drawn by the learners' renderer, as the author types.
        const preview = editor.getByRole('region', { name: ko.authoring.livePreview, exact: true });
        // The lesson's top-most heading (here `##`) sits one level under the lesson title, as on the learner's page: an h2.
        await expect(preview.getByRole('heading', { level: 2, name: heading })).toBeVisible();
        await expect(preview.getByRole('listitem').filter({ hasText: '신분증' })).toBeVisible();
        await expect(preview.getByRole('note').filter({ hasText: ko.markdown.callout.tip })).toContainText(
          '아침 6시부터',
        );
        await expect(preview.locator(TERM('민주주의'))).toBeVisible();
        // The brackets are markup: the sentence reads without them.
        await expect(preview.getByText('민주주의에서는 누구나 한 표를 가져요.', { exact: true })).toBeVisible();
        await keepScreen(page, 'authoring-reading-editor');

        // What was saved is what comes back after a reload.
        await page.reload();
        await expect(page.getByLabel(inKorean(ko.lessonEditor.body), { exact: true })).toHaveValue(body);
      });

      await test.step('a quiz lesson with one single-choice question', async () => {
        await page.getByRole('link', { name: fill(ko.lessonEditor.backToCourse, { course: courseTitle }) }).click();
        await expect(page.getByRole('heading', { level: 1, name: courseTitle })).toBeVisible();
        await addLesson(page, moduleTitle, quizTitle, 'quiz');

        await page.getByRole('button', { name: ko.quizEditor.addQuestion, exact: true }).click();
        const q1 = page
          .getByRole('listitem')
          .filter({ has: page.getByRole('heading', { level: 3, name: fill(ko.quiz.questionNumber, { number: 1 }) }) });
        await expect(q1.getByLabel(ko.quizEditor.type)).toHaveValue('single');
        await q1.getByLabel(inKorean(ko.quizEditor.prompt), { exact: true }).fill(question);
        await q1
          .getByLabel(inKorean(fill(ko.quizEditor.optionNumber, { number: 1 })), { exact: true })
          .fill(wrongOption);
        await q1
          .getByLabel(inKorean(fill(ko.quizEditor.optionNumber, { number: 2 })), { exact: true })
          .fill(rightOption);
        await q1.getByRole('radio', { name: fill(ko.quizEditor.correct, { option: rightOption }) }).check();
        await expect(
          q1.getByRole('radio', { name: fill(ko.quizEditor.correct, { option: wrongOption }) }),
        ).not.toBeChecked();
        await q1.getByLabel(inKorean(ko.quizEditor.explanation), { exact: true }).fill(explanation);
        await expectSaved(page);
        await keepScreen(page, 'authoring-quiz-editor');

        await page.reload();
        await expect(page.getByLabel(inKorean(ko.quizEditor.explanation), { exact: true })).toHaveValue(explanation);
        await expect(
          page.getByRole('radio', { name: fill(ko.quizEditor.correct, { option: rightOption }) }),
        ).toBeChecked();
      });

      await test.step('the preview shows the course as learners will see it', async () => {
        await page.getByRole('link', { name: fill(ko.lessonEditor.backToCourse, { course: courseTitle }) }).click();
        await page.getByRole('link', { name: ko.publish.previewLink }).click();
        await expect(page.getByRole('heading', { level: 1, name: courseTitle })).toBeVisible();
        await expect(page.getByRole('note').filter({ hasText: ko.preview.banner })).toBeVisible();
        await page
          .getByRole('navigation', { name: ko.course.outline })
          .getByRole('link', { name: readingTitle })
          .click();

        const reading = page.getByRole('article', { name: readingTitle });
        // Here the lesson title is an h2 under the course's h1, so the lesson's top-most heading (`##`) is an h3.
        await expect(reading.getByRole('heading', { level: 3, name: heading })).toBeVisible();
        await expect(reading.getByRole('note').filter({ hasText: ko.markdown.callout.tip })).toContainText(
          '아침 6시부터',
        );
        await expect(reading.locator(TERM('민주주의'))).toBeVisible();

        await page.getByRole('link', { name: ko.course.nextLesson }).click();
        const quiz = page.getByRole('article', { name: quizTitle });
        const q1 = quiz.getByRole('group', { name: fill(ko.quiz.questionNumber, { number: 1 }) });
        await expect(q1).toContainText(question);
        await q1.getByRole('radio', { name: rightOption }).check();
        await quiz.getByRole('button', { name: ko.quiz.check }).click();
        await expect(q1).toContainText(ko.learning.quiz.yourAnswerRight);
        await expect(q1).toContainText(explanation);
        await expect(quiz.getByRole('status')).toContainText(fill(ko.quiz.score, { score: 1, total: 1 }));
      });

      await test.step('publishing freezes version 1', async () => {
        await page.getByRole('link', { name: ko.preview.backToEditor }).click();
        await expect(page.getByRole('heading', { level: 1, name: courseTitle })).toBeVisible();
        await page.getByRole('button', { name: ko.publish.submit, exact: true }).click();
        await expect(page.getByRole('status').filter({ hasText: fill(ko.publish.done, { version: 1 }) })).toBeVisible();
        await expect(page.getByText(fill(ko.publish.upToDate, { version: 1 }))).toBeVisible();
        await expect(
          page.getByRole('link', { name: fill(ko.authoring.versionN, { version: 1 }), exact: true }),
        ).toBeVisible();
        await expect(page.getByText(ko.courseStatuses.published, { exact: true })).toBeVisible();
      });

      await test.step('the course list shows it published', async () => {
        await page.getByRole('link', { name: ko.authoring.backToCourses }).click();
        const card = page
          .getByRole('listitem')
          .filter({ has: page.getByRole('link', { name: courseTitle, exact: true }) });
        await expect(card).toContainText(ko.courseStatuses.published);
        await expect(card).toContainText(fill(ko.authoring.versionN, { version: 1 }));
      });

      await test.step('a learner finds it in My learning and reads the lesson', async () => {
        {
          const learner = await pageAs('learner');
          await learner.goto(DEMO.learner.home);
          await mainNav(learner).getByRole('link', { name: ko.nav.learn, exact: true }).click();
          await expect(learner).toHaveURL(`${BASE_URL}${DEMO.learner.home}`);
          await expect(learner.getByRole('heading', { level: 2, name: ko.catalog.title })).toBeVisible();
          await learner.getByRole('link', { name: courseTitle, exact: true }).click();
          await expect(learner.getByRole('heading', { level: 1, name: courseTitle })).toBeVisible();
          await expect(learner.getByRole('note').filter({ hasText: ko.preview.banner })).toHaveCount(0);
          await learner
            .getByRole('navigation', { name: ko.course.outline })
            .getByRole('link', { name: readingTitle })
            .click();
          await expect(learner.getByRole('heading', { name: heading })).toBeVisible();
          await expect(learner.locator(TERM('민주주의'))).toHaveText('민주주의');
        }
      });
    },
  );

  test('another instructor cannot open the course; a manager reads it without changing it', async ({
    page,
    browser,
    pageAs,
  }) => {
    test.setTimeout(90_000);
    const slug = uniqueSlug('e2e-owned');
    const courseTitle = `주인이 있는 과정 (시험 ${slug.split('-').slice(-2).join('')})`;
    const moduleTitle = '첫 단원';

    await page.goto(DEMO.instructor.home);
    const courseId = await createCourse(page, courseTitle, slug);
    await page.getByLabel(ko.outline.newModuleTitle).fill(moduleTitle);
    await page.getByRole('button', { name: ko.outline.addModule, exact: true }).click();
    await addLesson(page, moduleTitle, '첫 수업', 'reading');
    const lessonUrl = new URL(page.url()).pathname;

    const other = await createAccount('instructor', 'e2e.other.teacher');
    await withContext(browser, async (stranger) => {
      await signIn(stranger, other.username, other.password);
      // The other instructor's own list does not have it.
      await expect(stranger.getByRole('heading', { level: 1, name: ko.authoring.coursesTitle })).toBeVisible();
      await expect(
        stranger.getByRole('status').filter({ hasText: fill(ko.authoring.count, { count: 0 }) }),
      ).toBeVisible();
      await expect(stranger.getByRole('link', { name: courseTitle })).toHaveCount(0);

      // Opening its address directly: not found (the same answer as for a course that does not exist).
      for (const path of [`/teach/courses/${courseId}`, lessonUrl, `/teach/courses/${courseId}/preview`]) {
        await stranger.goto(path);
        await expect(stranger.getByRole('heading', { level: 1, name: ko.errorPage.loadTitle })).toBeVisible();
        await expect(stranger.getByRole('alert')).toContainText(ko.errors.not_found);
        await expect(stranger.getByText(courseTitle)).toHaveCount(0);
      }
      await stranger.goto(`/teach/courses/00000000-0000-4000-8000-000000000000`);
      await expect(stranger.getByRole('alert')).toContainText(ko.errors.not_found);
    });

    {
      const manager = await pageAs('manager');
      await manager.goto(DEMO.manager.home);
      await mainNav(manager).getByRole('link', { name: ko.nav.courses, exact: true }).click();
      await expect(manager.getByRole('heading', { level: 1, name: ko.authoring.coursesTitleManager })).toBeVisible();
      await expect(manager.getByRole('link', { name: ko.authoring.newCourse })).toHaveCount(0);
      await manager.getByLabel(ko.authoring.search).fill(courseTitle);
      await manager.getByRole('button', { name: ko.authoring.searchSubmit, exact: true }).click();
      await manager.getByRole('link', { name: courseTitle, exact: true }).click();

      await expect(manager.getByRole('heading', { level: 1, name: courseTitle })).toBeVisible();
      await expect(manager.getByText(ko.authoring.readOnly)).toBeVisible();
      await expect(manager.getByRole('heading', { level: 3, name: moduleTitle })).toBeVisible();
      await expect(manager.getByRole('button', { name: ko.publish.submit })).toHaveCount(0);
      await expect(manager.getByRole('button', { name: ko.outline.addModule })).toHaveCount(0);
      await expect(manager.getByRole('button', { name: ko.outline.addLesson })).toHaveCount(0);

      // The lesson opens read-only: no autosave, a disabled text box.
      await manager.getByRole('link', { name: '첫 수업', exact: true }).click();
      await expect(
        manager.getByRole('heading', { level: 1, name: fill(ko.lessonEditor.title, { title: '첫 수업' }) }),
      ).toBeVisible();
      await expect(manager.getByText(ko.authoring.readOnly)).toBeVisible();
      await expect(manager.getByLabel(inKorean(ko.lessonEditor.body), { exact: true })).toBeDisabled();
      await expect(manager.getByRole('button', { name: ko.autosave.saveNow })).toHaveCount(0);
    }
  });
});
