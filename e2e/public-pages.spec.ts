import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expectNoHorizontalScroll, ko, zh } from './support/app';
import { finishSmallCourse } from './support/small-course';
import { SCREENS_WANTED } from './support/screens';

// PRODUCT.md, "Safety first": what a third party sees — here an employer checking a certificate — says
// that Dari is a learning platform and nothing about who learns on it.
const REVEALING =
  /북한|북녘|북조선|조선민주|탈북|이탈|새터민|정착|하나원|통일부|north[\s-]*korea|dprk|resettl|defect|refugee|escapee|朝鲜|北韩|北朝|脱北|難民|难民|定居|移居|哈纳/i;

// Screens for people to look at (not compared).
const SCREENS = process.env.DARI_SCREENS_DIR ?? path.join('/tmp', 'dari-public-pages');

async function keepScreen(page: Page, name: string): Promise<void> {
  if (!SCREENS_WANTED) return;
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

/** The whole page as anyone sees it: the tab's title and all the text of the body. */
async function expectNothingRevealing(page: Page): Promise<void> {
  const text = await page.evaluate(() => `${document.title}\n${document.body.textContent}`);
  expect(text.match(REVEALING)?.[0] ?? null, text).toBeNull();
}

test.describe('public pages', () => {
  test('a visitor types the code from a printed certificate at /verify and sees the name, course and date — nothing about who learns on Dari', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const {
      certificate,
      course: { title: courseTitle },
    } = await finishSmallCourse('e2e.public');
    // As printed (ABCD-EFGH-JKMN), typed the way people do: in small letters, or without the dashes.
    const printed = certificate.code;
    const compact = certificate.code.replace(/-/g, '');
    const date = (lang: string) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'Asia/Seoul' }).format(
        new Date(certificate.issuedAt),
      );

    await test.step('Korean: the box explains a wrong format, then opens the result', async () => {
      await page.goto('/verify');
      await expect(page.getByRole('heading', { level: 1, name: ko.learning.verify.title })).toBeVisible();
      await expect(page.getByRole('navigation', { name: ko.nav.label })).toHaveCount(0); // not signed in
      await expect(page).toHaveTitle(`${ko.learning.verify.title} · ${ko.app.name}`);
      await expect(page.locator('.site-footer')).toContainText(ko.app.footer);
      await expectNothingRevealing(page);

      const box = page.getByLabel(ko.learning.verify.codeLabel);
      await box.fill(printed.slice(0, 9));
      await page.getByRole('button', { name: ko.learning.verify.submit }).click();
      await expect(page.getByText(ko.learning.verify.badFormat)).toBeVisible();
      await expect(box).toHaveAttribute('aria-invalid', 'true');
      await expect(box).toBeFocused();
      await expect(page).toHaveURL(/\/verify$/);

      await box.fill(printed.toLowerCase());
      await page.getByRole('button', { name: ko.learning.verify.submit }).click();
      await expect(page).toHaveURL(new RegExp(`/verify/${certificate.code}$`));
      await expect(page.getByText(ko.learning.verify.valid)).toBeVisible();
      const result = page.getByRole('region', { name: ko.learning.verify.result });
      await expect(result).toContainText(certificate.name);
      await expect(result).toContainText(courseTitle);
      await expect(result).toContainText(date('ko'));
      await expectNothingRevealing(page);
      await expectNoHorizontalScroll(page, 360);
      await keepScreen(page, 'verify-result-ko-360');
    });

    await test.step('Chinese: the same, translated', async () => {
      await page.getByRole('group', { name: ko.language.label }).getByRole('button', { name: '中文' }).click();
      await expect(page.getByText(zh.learning.verify.valid)).toBeVisible();
      const result = page.getByRole('region', { name: zh.learning.verify.result });
      await expect(result).toContainText(certificate.name);
      await expect(result).toContainText(date('zh-Hans'));
      await expect(page.locator('.site-footer')).toContainText(zh.app.footer);
      await expectNothingRevealing(page);
      await keepScreen(page, 'verify-result-zh-360');

      await page.getByRole('link', { name: zh.learning.verify.another }).click();
      await expect(page.getByRole('heading', { level: 1, name: zh.learning.verify.title })).toBeVisible();
      await expectNothingRevealing(page);
      await page.getByLabel(zh.learning.verify.codeLabel).fill(` ${compact.toLowerCase()} `);
      await page.getByRole('button', { name: zh.learning.verify.submit }).click();
      await expect(page).toHaveURL(new RegExp(`/verify/${certificate.code}$`));
      await expect(page.getByText(zh.learning.verify.valid)).toBeVisible();
    });
  });

  test('at the largest reading size on a small phone, the box and the result still fit', async ({ page }) => {
    await page.addInitScript(() =>
      window.localStorage.setItem('dari.reading', JSON.stringify({ size: 'larger', spacing: 'wide' })),
    );
    await page.goto('/verify');
    await expect(page.locator('html')).toHaveClass(/reading-size-larger/);
    const box = page.getByLabel(ko.learning.verify.codeLabel);
    await box.fill('ZZZZ-ZZZZ-ZZZ');
    await page.getByRole('button', { name: ko.learning.verify.submit }).click();
    await expect(page.getByText(ko.learning.verify.badFormat)).toBeVisible();
    await expectNoHorizontalScroll(page, 360);
    const { width } = (await box.boundingBox())!;
    expect(width).toBeLessThanOrEqual(360);
    await keepScreen(page, 'verify-entry-ko-360-larger');
    await box.fill('ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: ko.learning.verify.submit }).click();
    await expect(page.getByRole('alert')).toContainText(ko.learning.verify.notFound);
    await expectNoHorizontalScroll(page, 360);
    await expectNothingRevealing(page);
  });

  test('the installed app and the HTML shell name Dari as a learning platform, nothing more', async ({ request }) => {
    const manifest = (await (await request.get('/manifest.webmanifest')).json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'Dari 다리', short_name: 'Dari' });
    expect(String(manifest.description)).toContain('온라인 배움터');
    expect(JSON.stringify(manifest).match(REVEALING)?.[0] ?? null).toBeNull();

    for (const path of ['/', '/verify', '/sign-in', '/join']) {
      const html = await (await request.get(path)).text();
      expect(html).toContain('<title>Dari 다리</title>');
      expect(html.match(REVEALING)?.[0] ?? null, path).toBeNull();
    }
  });

  for (const [path, lang] of [
    ['/sign-in', 'ko'],
    ['/join', 'ko'],
    ['/no-such-page', 'ko'],
    ['/sign-in', 'zh'],
    ['/join', 'zh'],
    ['/no-such-page', 'zh'],
  ] as const) {
    test(`${path} in ${lang} says nothing about who learns on Dari`, async ({ page }) => {
      await page.addInitScript((l) => window.localStorage.setItem('dari.locale', l), lang);
      await page.goto(path);
      await expect(page.locator('.site-footer')).toContainText(lang === 'ko' ? ko.app.footer : zh.app.footer);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNothingRevealing(page);
    });
  }
});
