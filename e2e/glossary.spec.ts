// The language bridge, end to end: term popovers in a starter lesson, the word list, initial-consonant
// search, and a word request asked in a lesson and answered by the course's instructor with a new term.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { apiAs, createAccount, DEMO, fill, ko, signIn, type CreatedAccount } from './support/app';

const SLUG = 'rights-in-everyday-life';

/** The first lesson of the starter course "rights in everyday life" (it links [[임금]], North Korean 로임). */
async function enrolInStarterCourse(learner: CreatedAccount): Promise<string> {
  const api = await apiAs(learner.username, learner.password);
  try {
    const enrol = await api.post(`/api/v1/courses/${SLUG}/enrol`, { data: {} });
    expect(enrol.status(), await enrol.text()).toBeLessThan(300);
    const course = (await (await api.get(`/api/v1/courses/${SLUG}`)).json()) as {
      modules: { lessons: { id: string; key: string }[] }[];
    };
    return course.modules[0].lessons[0].id;
  } finally {
    await api.dispose();
  }
}

async function openLesson(page: Page, lessonId: string): Promise<void> {
  await page.goto(`/learn/courses/${SLUG}/lessons/${lessonId}`);
  await expect(page.getByRole('button', { name: '임금', exact: true }).first()).toBeVisible();
}

async function signedInPage(browser: Browser, username: string, password?: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

test.describe('the language bridge', () => {
  test('a learner opens a term in a lesson, saves it, and finds it in their word list; ㅁㅈㅈㅇ finds 민주주의', async ({
    page,
  }) => {
    const learner = await createAccount('learner', 'e2e.words');
    const lessonId = await enrolInStarterCourse(learner);
    await signIn(page, learner.username, learner.password);
    await openLesson(page, lessonId);

    const word = page.getByRole('button', { name: '임금', exact: true }).first();
    await expect(word).toHaveAttribute('aria-expanded', 'false');
    await word.tap();
    const popover = page.getByRole('dialog', { name: '임금' });
    await expect(popover).toBeVisible();
    await expect(popover).toBeFocused();
    await expect(popover).toContainText(`${ko.glossary.term.northKorean} 로임`);
    await expect(popover).toContainText('일한 대가로 받는 돈');
    const save = popover.getByRole('button', { name: ko.glossary.save.toggle });
    await expect(save).toHaveAttribute('aria-pressed', 'false');
    await save.tap();
    await expect(save).toHaveAttribute('aria-pressed', 'true');

    // Esc closes it and gives focus back to the word.
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
    await expect(word).toBeFocused();

    await page.getByRole('link', { name: ko.nav.words }).click();
    await page.getByRole('link', { name: ko.glossary.nav.myWords }).click();
    await expect(page.getByRole('heading', { level: 1, name: ko.glossary.words.title })).toBeVisible();
    const saved = page.getByRole('region', { name: ko.glossary.words.listTitle });
    await expect(saved.getByRole('link', { name: '임금' })).toBeVisible();
    // A flashcard shows the word first and the explanation on request.
    await page.getByRole('button', { name: ko.glossary.words.cardsStart }).click();
    await page.getByRole('button', { name: ko.glossary.words.reveal }).click();
    await expect(page.getByRole('region', { name: ko.glossary.words.cardsTitle })).toContainText('로임');

    await page.getByRole('link', { name: ko.glossary.nav.browse }).click();
    await page.getByRole('searchbox', { name: ko.glossary.search.label }).fill('ㅁㅈㅈㅇ');
    await page.getByRole('button', { name: ko.glossary.search.submit, exact: true }).click();
    await expect(page.getByRole('link', { name: '민주주의' })).toBeVisible();
    await page.getByRole('link', { name: '민주주의' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '민주주의' })).toBeVisible();
  });

  test('a learner asks about a word they selected; the instructor answers with a new term; the learner sees it', async ({
    page,
    browser,
  }) => {
    const learner = await createAccount('learner', 'e2e.asks');
    const lessonId = await enrolInStarterCourse(learner);
    await signIn(page, learner.username, learner.password);
    await openLesson(page, lessonId);

    // Select a word in the lesson text, as a finger or a mouse would.
    const asked = '편의점';
    await page.evaluate((text) => {
      const walker = document.createTreeWalker(document.querySelector('.markdown')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const selection = document.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return;
        }
      }
      throw new Error(`${text} is not in the lesson`);
    }, asked);
    await page.getByRole('button', { name: fill(ko.glossary.ask.selection, { text: asked }) }).click();
    await expect(page.getByText(fill(ko.glossary.ask.sent, { text: asked }))).toBeVisible();

    // The instructor of the starter courses sees it with the learner's display name, and answers with a new term.
    const term = `편의점 ${Date.now().toString(36)}`;
    const teacher = await signedInPage(browser, DEMO.instructor.username);
    await teacher.goto('/glossary/requests');
    await expect(teacher.getByRole('heading', { level: 1, name: ko.glossary.requests.title })).toBeVisible();
    const card = teacher
      .getByRole('listitem')
      .filter({ has: teacher.getByRole('heading', { level: 3, name: asked }) })
      .filter({ hasText: learner.displayName });
    await expect(card).toBeVisible();
    await card.getByRole('button', { name: ko.glossary.requests.createTitle }).click();
    await card.getByLabel(ko.glossary.form.term).fill(term);
    await card
      .getByLabel(ko.glossary.form.explanation)
      .fill('밤낮없이 문을 여는 작은 가게예요. 먹을 것과 생활용품을 팔아요.');
    await card.getByLabel(ko.glossary.form.glossEn).fill('convenience store');
    await card.getByLabel(ko.glossary.form.glossZh).fill('便利店');
    await card.getByLabel(ko.glossary.form.example).fill('편의점에서 도시락을 샀어요.');
    await card.getByRole('checkbox', { name: ko.glossary.tags['daily-life'] }).check();
    await card.getByRole('button', { name: ko.glossary.form.submitNew }).click();
    await expect(teacher.getByText(ko.glossary.requests.answered)).toBeVisible();
    await teacher.context().close();

    // The learner finds the answer in their word list.
    await page.goto('/glossary/words');
    const mine = page.getByRole('region', { name: ko.glossary.words.requestsTitle });
    await expect(mine.getByText(ko.glossary.requestStatus.answered)).toBeVisible();
    await expect(mine).toContainText('convenience store');
    await expect(
      page.getByRole('region', { name: ko.glossary.words.listTitle }).getByRole('link', { name: term }),
    ).toBeVisible();
  });
});
