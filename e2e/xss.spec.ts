import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { apiAs, DEMO, fill, ko, uniqueSlug } from './support/app';
import { signInAs } from './support/auth';

// QUALITY.md row 14: lesson Markdown written by an instructor runs no script in a real browser, whether a
// learner reads the published lesson or the instructor looks at the live preview while writing it.
// Every payload tries to set window.__xss = 1 or open a dialog; the page starts with window.__xss = 0.

declare global {
  interface Window {
    __xss: number;
    __cspViolations: string[];
    __clickedLinks: string[];
    __blockLinks: boolean;
  }
}

const START = '시작하는 글';
const END = '끝까지 보였어요';

/** One payload a paragraph (blank lines between), so that an HTML block cannot swallow the next one. */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1">',
  '<svg><script>window.__xss=1</script></svg>',
  '[click](javascript:window.__xss=1)',
  '[x](JaVaScRiPt:alert(1))',
  '[tab](java\tscript:window.__xss=1)',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vb](vbscript:msgbox(1))',
  '<javascript:window.__xss=1>',
  '[ref link][evil]\n\n[evil]: javascript:window.__xss=1',
  '![i](javascript:alert(1))',
  '![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIj48L3N2Zz4=)',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:alert(1)">a</a>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>보내기</button></form>',
  '<input autofocus onfocus="window.__xss=1">',
  '<video><source onerror="window.__xss=1"></video>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '글 가운데 <img src=x onerror=window.__xss=1> 이미지',
  '[[<img src=x onerror=window.__xss=1>]]',
  '[[x|<script>window.__xss=1</script>]]',
  '> [!NOTE]\n> <img src=x onerror=window.__xss=1>',
  '<details open ontoggle="window.__xss=1"><summary>열기</summary>안</details>',
  '<style>body { display: none } .markdown { background: url(javascript:alert(1)) }</style>',
  '<!-- <script>window.__xss=1</script> -->',
  '<!--> <img src=x onerror=window.__xss=1> -->',
  '[e](&#x6A;avascript:window.__xss=1)',
  '<a href="&#x6A;avascript:alert(1)">entity</a>',
  '[t](https://example.org "\\" onmouseover=\\"window.__xss=1")',
  '```html\n<script>window.__xss=1</script>\n```',
  '`<img src=x onerror=window.__xss=1>`',
  '[안전한 링크](https://example.org/rights)',
  '[다리 안쪽 링크](/learn)',
  '[메일](mailto:help@example.org)',
];

const BODY = [`## ${START}`, ...PAYLOADS, `## ${END}`].join('\n\n');

/**
 * Tags that must never come out of lesson Markdown. (A glossary term is the app's own button, and its
 * popover the app's own controls: those are not the author's markup and are left out of this check.)
 */
const FORBIDDEN_TAGS = [
  'script',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'style',
  'svg',
  'math',
  'meta',
  'base',
  'details',
  'video',
  'audio',
  'source',
  'link',
];

interface Authored {
  courseId: string;
  courseTitle: string;
  slug: string;
  readingId: string;
  readingTitle: string;
  quizId: string;
  quizTitle: string;
}

async function call(api: APIRequestContext, method: 'post' | 'patch', url: string, data: unknown, status: number) {
  const res = await api[method](url, { data });
  expect(res.status(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBe(status);
  return (await res.json()) as Record<string, unknown>;
}

/** demo.instructor writes the course through the API (the web app's own calls) and publishes it. */
async function authorPayloadCourse(): Promise<Authored> {
  const api = await apiAs(DEMO.instructor.username);
  try {
    const slug = uniqueSlug('e2e-xss');
    const courseTitle = `<img src=x onerror=window.__xss=1> 안전 시험 ${slug.slice(-8)}`;
    const course = await call(api, 'post', '/api/v1/authoring/courses', { slug, title: { ko: courseTitle } }, 201);
    const courseId = course['id'] as string;
    const withModule = await call(
      api,
      'post',
      `/api/v1/authoring/courses/${courseId}/modules`,
      { title: { ko: '<script>window.__xss=1</script> 단원' } },
      201,
    );
    const moduleId = (withModule['modules'] as { id: string }[])[0].id;

    const readingTitle = '"><img src=x onerror=window.__xss=1> 읽기';
    const reading = await call(
      api,
      'post',
      `/api/v1/authoring/modules/${moduleId}/lessons`,
      { kind: 'reading', title: { ko: readingTitle } },
      201,
    );
    await call(
      api,
      'patch',
      `/api/v1/authoring/lessons/${reading['id'] as string}`,
      { revision: reading['revision'], content: { kind: 'reading', body: { ko: BODY } } },
      200,
    );

    const quizTitle = '<svg onload=window.__xss=1> 퀴즈';
    const quiz = await call(
      api,
      'post',
      `/api/v1/authoring/modules/${moduleId}/lessons`,
      { kind: 'quiz', title: { ko: quizTitle } },
      201,
    );
    const question = {
      key: 'q1',
      type: 'single',
      prompt: { ko: '<img src=x onerror=window.__xss=1> 어느 것? [x](javascript:window.__xss=1)' },
      explanation: {
        ko: `풀이 <script>window.__xss=1</script> ![i](javascript:alert(1)) [[<img src=x onerror=window.__xss=1>]]\n\n<img src=x onerror=window.__xss=1>\n\n${END}`,
      },
      options: [
        { key: 'a', text: { ko: '<svg onload=window.__xss=1> 가' }, correct: true },
        { key: 'b', text: { ko: '<b onmouseover=window.__xss=1>나</b>' }, correct: false },
      ],
    };
    await call(
      api,
      'patch',
      `/api/v1/authoring/lessons/${quiz['id'] as string}`,
      { revision: quiz['revision'], content: { kind: 'quiz', passMark: 50, shuffle: false, questions: [question] } },
      200,
    );

    const published = await call(api, 'post', `/api/v1/authoring/courses/${courseId}/publish`, undefined, 201);
    expect(published['version']).toBe(1);
    return {
      courseId,
      courseTitle,
      slug,
      readingId: reading['id'] as string,
      readingTitle,
      quizId: quiz['id'] as string,
      quizTitle,
    };
  } finally {
    await api.dispose();
  }
}

/** Watches the page: dialogs, a starting window.__xss = 0, CSP violations, and link clicks that go nowhere. */
async function watch(page: Page): Promise<{ dialogs: string[]; popups: string[]; navigations: string[] }> {
  const seen = { dialogs: [] as string[], popups: [] as string[], navigations: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('popup', (popup) => seen.popups.push(popup.url()));
  page.on('framenavigated', (frame) => seen.navigations.push(frame.url()));
  await page.addInitScript(() => {
    window.__xss = 0;
    window.__cspViolations = [];
    window.__clickedLinks = [];
    window.__blockLinks = false;
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
    // Capturing on the document runs before the app's own handlers; a prevented click follows no link
    // (React Router's links check defaultPrevented too), so the test sees where each link would go.
    document.addEventListener(
      'click',
      (e) => {
        const link = (e.target as Element | null)?.closest('a');
        if (!link || !window.__blockLinks) return;
        window.__clickedLinks.push(link.href);
        e.preventDefault();
      },
      true,
    );
  });
  return seen;
}

const ZOD_EVAL_PROBE = /^script-src eval http:\/\/127\.0\.0\.1:\d+\/assets\/zod-[\w-]+\.js:/;

const UNSAFE_URL = /^\s*(javascript|data|vbscript):/i;

/** Nothing ran and nothing that could run is in the container (or, for handlers, anywhere on the page). */
async function expectInert(page: Page, container: Locator, seen: { dialogs: string[] }): Promise<void> {
  await expect(container).toContainText(END);
  // An <img onerror> would fire once its (broken) image fails to load: let the network settle first.
  await page.waitForLoadState('networkidle');

  const inside = await container.evaluate((root, forbidden) => {
    const elements = [root, ...root.querySelectorAll('*')];
    // The rendered Markdown (a quiz also has the app's own radio buttons and button around it).
    const markdown = [...(root.matches('.markdown') ? [root] : []), ...root.querySelectorAll('.markdown')];
    const appWidget = (el: Element) =>
      el.matches('button.term-button[type="button"]') || el.closest('.term-popover') !== null;
    const rendered = markdown.flatMap((m) => [m, ...m.querySelectorAll('*')]).filter((el) => !appWidget(el));
    const urls = elements.flatMap((el) =>
      ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'poster', 'background'].flatMap(
        (name) => {
          const value = el.getAttribute(name);
          return value === null ? [] : [`<${el.tagName.toLowerCase()} ${name}="${value}">`];
        },
      ),
    );
    return {
      markdownBlocks: markdown.length,
      forbidden: rendered
        .filter((el) => forbidden.includes(el.tagName.toLowerCase()))
        .map((el) => el.outerHTML.slice(0, 120)),
      urls,
      styleAttributes: rendered.filter((el) => el.hasAttribute('style')).map((el) => el.outerHTML.slice(0, 120)),
    };
  }, FORBIDDEN_TAGS);
  expect(inside.markdownBlocks, 'rendered Markdown in the container').toBeGreaterThan(0);
  expect(inside.forbidden, 'dangerous elements in the rendered Markdown').toEqual([]);
  expect(
    inside.urls.filter((u) => UNSAFE_URL.test(u.replace(/^<\w+ [\w:]+="/, ''))),
    'javascript:/data:/vbscript: addresses',
  ).toEqual([]);
  expect(inside.styleAttributes, 'style attributes from the author').toEqual([]);

  const everywhere = await page.evaluate(() => ({
    xss: window.__xss,
    csp: window.__cspViolations,
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes]
        .filter((a) => /^on/i.test(a.name))
        .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`),
    ),
    scriptsOutsideHead: [...document.querySelectorAll('body script')].map((s) => s.outerHTML.slice(0, 120)),
  }));
  expect(everywhere.handlers, 'elements with on* attributes').toEqual([]);
  expect(everywhere.scriptsOutsideHead, 'script elements in the page body').toEqual([]);
  // zod (in the app's own bundle) probes once whether eval is allowed, `Function('')` in a try/catch, and the
  // CSP refuses it: that is the policy working, not a payload. Anything else would be.
  const violations = everywhere.csp.filter((v) => !ZOD_EVAL_PROBE.test(v));
  expect(violations, 'CSP violations (something tried to run or load)').toEqual([]);
  expect(seen.dialogs, 'dialogs opened').toEqual([]);
  expect(everywhere.xss, 'window.__xss').toBe(0);
}

/** Clicks every link in the container with following blocked, and checks where each would have gone. */
async function clickEveryLink(
  page: Page,
  container: Locator,
  seen: { dialogs: string[]; popups: string[]; navigations: string[] },
): Promise<string[]> {
  const urlBefore = page.url();
  const navigationsBefore = seen.navigations.length;
  await page.evaluate(() => {
    window.__blockLinks = true;
    window.__clickedLinks = [];
  });
  const links = container.locator('a');
  const count = await links.count();
  for (let i = 0; i < count; i += 1) await links.nth(i).click();
  const clicked = await page.evaluate(() => {
    window.__blockLinks = false;
    return window.__clickedLinks;
  });
  expect(clicked).toHaveLength(count);
  expect(
    clicked.filter((url) => UNSAFE_URL.test(url)),
    'links to javascript:/data:/vbscript:',
  ).toEqual([]);
  expect(page.url()).toBe(urlBefore);
  expect(seen.navigations.slice(navigationsBefore).filter((url) => UNSAFE_URL.test(url))).toEqual([]);
  expect(seen.popups.filter((url) => UNSAFE_URL.test(url))).toEqual([]);
  expect(await page.evaluate(() => window.__xss)).toBe(0);
  expect(seen.dialogs).toEqual([]);
  return clicked;
}

function scriptSrc(csp: string): string {
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0].toLowerCase(), parts.slice(1).join(' ')] as const),
  );
  return directives.get('script-src') ?? directives.get('default-src') ?? '';
}

test.describe('lesson Markdown written by an instructor runs no script', () => {
  let authored: Authored;
  test.beforeAll(async () => {
    authored = await authorPayloadCourse();
  });

  test('a learner reads the published lesson and clicks every link in it', { tag: '@desktop' }, async ({ page }) => {
    const seen = await watch(page);
    await signInAs(page.context(), 'learner');
    await page.goto(DEMO.learner.home);

    // The catalogue shows the course title as text.
    await expect(page.getByRole('link', { name: authored.courseTitle, exact: true })).toBeVisible();

    // The course page (its CSP header), then the lesson from the course outline, as a learner goes.
    const response = await page.goto(`/learn/courses/${authored.slug}`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp, 'the page has a Content-Security-Policy').not.toBe('');
    expect(scriptSrc(csp)).not.toBe('');
    expect(scriptSrc(csp)).not.toContain("'unsafe-inline'");
    expect(scriptSrc(csp)).not.toContain("'unsafe-eval'");

    await expect(page.getByRole('heading', { level: 1, name: authored.courseTitle })).toBeVisible();
    await page
      .getByRole('navigation', { name: ko.course.outline })
      .getByRole('link', { name: authored.readingTitle })
      .click();
    const lesson = page.getByRole('article', { name: authored.readingTitle });
    await expect(lesson.getByRole('heading', { level: 2, name: START })).toBeVisible(); // the top-most `##`, right under the page's h1 (the lesson title)
    await expectInert(page, lesson, seen);

    // What the payloads became: text, not markup.
    await expect(lesson.locator('.term').first()).toHaveText('<img src=x onerror=window.__xss=1>');
    await expect(lesson.getByRole('note').filter({ hasText: ko.markdown.callout.note })).toBeVisible();
    await expect(lesson.locator('code').filter({ hasText: '<script>window.__xss=1</script>' })).toBeVisible();
    // Unsafe links are shown as their words, without an address.
    for (const words of ['click', 'tab', 'vb', 'ref link', 'e']) {
      await expect(lesson.getByRole('link', { name: words, exact: true })).toHaveCount(0);
    }

    const clicked = await clickEveryLink(page, lesson, seen);
    expect(clicked).toEqual(expect.arrayContaining(['https://example.org/rights', 'mailto:help@example.org']));
    await expectInert(page, lesson, seen);

    // Where a term is the glossary's button, its popover shows what the author wrote between [[ ]] as text too.
    const terms = lesson.locator('button.term');
    const termCount = await terms.count();
    for (let i = 0; i < termCount; i += 1) {
      await terms.nth(i).click();
      await expectInert(page, lesson, seen);
      await page.keyboard.press('Escape');
    }

    // The quiz: its question, choices and explanation are inert too, before and after the answer. Its
    // right answer and explanation reach the phone only with the server's grading (issue 18): a learner
    // who has not joined sees the questions without them; once joined, the grading brings them.
    await page.getByRole('link', { name: ko.course.nextLesson }).click();
    const quiz = page.getByRole('article', { name: authored.quizTitle });
    const question = quiz.getByRole('group', { name: fill(ko.quiz.questionNumber, { number: 1 }) });
    await expect(question).toBeVisible();
    const enrol = page.getByRole('button', { name: ko.learning.enrol.submit });
    const submit = quiz.getByRole('button', { name: ko.learning.quiz.submit });
    // Whether this learner has joined is known once the page has their enrolment: until then the quiz is
    // shown without a way to send it, and an answer chosen there would not be the one sent (the desktop run
    // follows the phone run, by which the same demo learner has joined).
    await expect(enrol.or(submit)).toBeVisible();
    if (await enrol.isVisible()) {
      await expect(quiz).toContainText(ko.learning.quiz.enrolToAnswer);
      await enrol.click();
    }
    await expect(submit).toBeVisible();
    const choice = question.getByRole('radio', { name: '<svg onload=window.__xss=1> 가' });
    await choice.check();
    await expect(choice).toBeChecked();
    await submit.click();
    await expect(question).toContainText(ko.learning.quiz.yourAnswerRight);
    await expectInert(page, quiz, seen);
  });

  test("the instructor's live preview shows the same payloads, and new ones typed in, without running them", async ({
    page,
  }) => {
    const seen = await watch(page);
    await signInAs(page.context(), 'instructor');
    await page.goto(`/teach/courses/${authored.courseId}/lessons/${authored.readingId}`);

    const editor = page.getByRole('region', { name: ko.lessonEditor.body, exact: true });
    const preview = editor.getByRole('region', { name: ko.authoring.livePreview, exact: true });
    const textbox = editor.getByLabel(
      fill(ko.authoring.inLanguage, { label: ko.lessonEditor.body, language: '한국어' }),
      { exact: true },
    );
    await expect(textbox).toHaveValue(BODY);
    await expect(preview.getByRole('heading', { level: 2, name: START })).toBeVisible();
    await expectInert(page, preview, seen);
    await clickEveryLink(page, preview, seen);

    // Typed into the editor: the preview redraws at each keystroke.
    const typed =
      '<img src=x onerror="window.__xss=1"><svg/onload=alert(1)> [new](javascript:alert(1)) [[<script>alert(1)</script>]]';
    await textbox.fill(`${typed}\n\n${BODY}`);
    await expect(preview.locator('.term').first()).toHaveText('<script>alert(1)</script>');
    await expectInert(page, preview, seen);
    await expect(page.getByRole('status').filter({ hasText: ko.autosave.saved })).toBeVisible({ timeout: 10_000 });

    // And the draft preview, drawn by the learners' components.
    await page.goto(`/teach/courses/${authored.courseId}/preview?lesson=${authored.readingId}`);
    await expect(page.getByRole('note').filter({ hasText: ko.preview.banner })).toBeVisible();
    const lesson = page.getByRole('article', { name: authored.readingTitle });
    await expect(lesson.locator('.term').first()).toHaveText('<script>alert(1)</script>');
    await expectInert(page, lesson, seen);
    await clickEveryLink(page, lesson, seen);
  });
});
