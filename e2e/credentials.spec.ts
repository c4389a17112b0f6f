import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import koCredentials from '../apps/web/src/i18n/locales/ko/credentials.json' with { type: 'json' };
import zhCredentials from '../apps/web/src/i18n/locales/zh/credentials.json' with { type: 'json' };
import { expectNoHorizontalScroll, fill, ko, signIn, zh } from './support/app';
import { asRole, signedOut } from './support/auth';
import { finishSmallCourse } from './support/small-course';
import { SCREENS_WANTED } from './support/screens';

// Issue 19: a learner's certificate as an Open Badges 3.0 credential they carry. The learner downloads
// it (JSON and a badge with it baked in), anyone checks the file on the public page, an admin revokes it
// and the file and the certificate's verify page both say so.
const kc = koCredentials.credentials;
const zc = zhCredentials.credentials;

// Screens for people to look at (not compared), at 360 px in Korean and Chinese.
const SCREENS = process.env.DARI_SCREENS_DIR ?? path.join('/tmp', 'cred-web');
async function keepScreen(page: Page, name: string): Promise<void> {
  if (!SCREENS_WANTED || test.info().project.name !== 'phone') return;
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

/** Clicks a download link and returns the saved file's path. */
async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const saved = path.join(test.info().outputDir, file.suggestedFilename());
  await file.saveAs(saved);
  return saved;
}

async function checkFile(page: Page, file: string, expected: string): Promise<void> {
  await page.goto('/verify/file');
  await expect(page.getByRole('heading', { level: 1, name: kc.verifyFile.title })).toBeVisible();
  await page.getByLabel(kc.verifyFile.fileLabel).setInputFiles(file);
  await expect(page.getByText(expected)).toBeVisible();
}

test.describe('credentials', () => {
  test('a learner downloads the credential and badge, a stranger checks them (valid), an admin revokes it, and both checks say revoked', async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const {
      learner,
      certificate,
      course: { title },
    } = await finishSmallCourse('e2e.cred');
    let json = '';
    let png = '';
    let svg = '';

    await test.step('the learner sees the credential on the certificate page and downloads it', async () => {
      await signIn(page, learner.username, learner.password);
      await page.goto(`/learn/certificates/${certificate.id}`);
      const panel = page.locator('section.credential-panel');
      await expect(panel.getByRole('heading', { level: 2, name: kc.panel.title })).toBeVisible();
      if (certificate.credential.state === 'none') await panel.getByRole('button', { name: kc.panel.issue }).click();
      await expect(panel.getByText(new RegExp(kc.panel.state.issued.replace(/\(\{\{date\}\}\)/, '')))).toBeVisible();
      // The QR code opens the public verify page for this certificate, on this server.
      await expect(page.locator('svg.qr-code')).toHaveAttribute(
        'data-address',
        new URL(`/verify/${certificate.code}`, page.url()).toString(),
      );
      json = await download(page, kc.panel.downloadJson);
      png = await download(page, kc.panel.downloadPng);
      svg = await download(page, kc.panel.downloadSvg);
      const credential = JSON.parse(readFileSync(json, 'utf8')) as { type: string[]; credentialSubject: unknown };
      expect(credential.type).toContain('OpenBadgeCredential');
      expect(JSON.stringify(credential.credentialSubject)).toContain(certificate.name);
      expect(JSON.stringify(credential.credentialSubject)).not.toContain(learner.username);
      await expectNoHorizontalScroll(page, 360);
      await keepScreen(page, 'certificate-ko-360');
      await page.getByRole('group', { name: ko.language.label }).getByRole('button', { name: '中文' }).click();
      await expect(panel.getByRole('heading', { level: 2, name: zc.panel.title })).toBeVisible();
      await expectNoHorizontalScroll(page, 360);
      await keepScreen(page, 'certificate-zh-360');
      // The list of certificates says where each credential stands.
      await page.goto('/learn/certificates');
      const line = zc.list.line.replace('{{state}}', zc.list.state.issued);
      await expect(page.getByRole('listitem').filter({ hasText: title }).getByText(line)).toBeVisible();
      await expectNoHorizontalScroll(page, 360);
      await keepScreen(page, 'certificates-zh-360');
      await page.getByRole('group', { name: zh.language.label }).getByRole('button', { name: '한국어' }).click();
      await expect(page.getByText(kc.list.line.replace('{{state}}', kc.list.state.issued))).toBeVisible();
      await keepScreen(page, 'certificates-ko-360');
      if (SCREENS_WANTED) copyFileSync(png, path.join(SCREENS, 'badge.png'));
      // Back to the certificate page in Chinese, where the last step looks again.
      await page.getByRole('group', { name: ko.language.label }).getByRole('button', { name: '中文' }).click();
      await page.goto(`/learn/certificates/${certificate.id}`);
      await expect(panel.getByRole('heading', { level: 2, name: zc.panel.title })).toBeVisible();
    });

    const stranger = await browser.newContext({ ...signedOut, viewport: { width: 360, height: 740 } });
    const visitor = await stranger.newPage();
    try {
      await test.step('anyone, signed out, checks the .json and the baked PNG and SVG: valid, with who issued it', async () => {
        await checkFile(visitor, json, kc.verifyFile.result.valid);
        const facts = visitor.getByRole('region', { name: kc.verifyFile.resultLabel });
        await expect(facts).toContainText(certificate.name);
        await expect(facts).toContainText(title);
        await checkFile(visitor, png, kc.verifyFile.result.valid);
        await checkFile(visitor, svg, kc.verifyFile.result.valid);
        await expectNoHorizontalScroll(visitor, 360);
        await keepScreen(visitor, 'verify-file-ko-360');
        await visitor.getByRole('group', { name: ko.language.label }).getByRole('button', { name: '中文' }).click();
        await expect(visitor.getByRole('heading', { level: 1, name: zc.verifyFile.title })).toBeVisible();
        await visitor.getByLabel(zc.verifyFile.fileLabel).setInputFiles(json);
        await expect(visitor.getByText(zc.verifyFile.result.valid)).toBeVisible();
        await expectNoHorizontalScroll(visitor, 360);
        await keepScreen(visitor, 'verify-file-zh-360');
      });

      await test.step('a one-byte change to the file is caught', async () => {
        const text = readFileSync(json, 'utf8');
        const changed = text.replace(certificate.name, `${certificate.name.slice(0, -1)}X`);
        expect(changed).not.toBe(text);
        await visitor.goto('/verify/file');
        await visitor.getByLabel(zc.verifyFile.pasteLabel).fill(changed);
        await visitor.getByRole('button', { name: zc.verifyFile.submit }).click();
        await expect(visitor.getByText(zc.verifyFile.result.tampered)).toBeVisible();
      });

      await test.step('an admin revokes it by its code, with a reason', async () => {
        const admin = await browser.newContext({ ...asRole('admin'), viewport: { width: 360, height: 740 } });
        try {
          const adminPage = await admin.newPage();
          await adminPage.goto('/admin/credentials');
          await expect(adminPage.getByRole('heading', { level: 1, name: kc.admin.title })).toBeVisible();
          await adminPage.getByLabel(kc.admin.code).fill(certificate.code.toLowerCase());
          await adminPage.getByLabel(kc.admin.reason).fill('e2e: issued by mistake');
          await adminPage.getByRole('button', { name: kc.admin.revoke, exact: true }).click();
          await adminPage.getByRole('button', { name: kc.admin.revokeConfirm }).click();
          await expect(adminPage.getByText(fill(kc.admin.revoked, { code: certificate.code }))).toBeVisible();
          await expectNoHorizontalScroll(adminPage, 360);
          await keepScreen(adminPage, 'admin-credentials-ko-360');
        } finally {
          await admin.close();
        }
      });

      await test.step('the file and the certificate page both say revoked', async () => {
        await visitor.getByRole('group', { name: zh.language.label }).getByRole('button', { name: '한국어' }).click();
        await checkFile(visitor, json, kc.verifyFile.result.revoked);
        await checkFile(visitor, png, kc.verifyFile.result.revoked);
        await visitor.goto(`/verify/${certificate.code}`);
        await expect(visitor.getByText(ko.learning.verify.invalid)).toBeVisible();
        await page.reload();
        await expect(page.locator('section.credential-panel')).toContainText(zc.panel.state.revoked);
      });
    } finally {
      await stranger.close();
    }
  });
  test('at the largest reading size on a small phone, the credential panel and the check-a-file page still fit', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { learner, certificate } = await finishSmallCourse('e2e.cred');
    await page.addInitScript(() =>
      window.localStorage.setItem('dari.reading', JSON.stringify({ size: 'larger', spacing: 'wide' })),
    );
    await signIn(page, learner.username, learner.password);
    await page.goto(`/learn/certificates/${certificate.id}`);
    await expect(page.locator('html')).toHaveClass(/reading-size-larger/);
    const panel = page.locator('section.credential-panel');
    await expect(panel.getByRole('heading', { level: 2, name: kc.panel.title })).toBeVisible();
    if (certificate.credential.state === 'none') await panel.getByRole('button', { name: kc.panel.issue }).click();
    await expect(panel.getByRole('link', { name: kc.panel.downloadSvg })).toBeVisible();
    await panel.getByRole('button', { name: kc.panel.withdraw }).click();
    await expect(panel.getByText(kc.panel.withdrawQuestion)).toBeVisible();
    await expectNoHorizontalScroll(page, 360);
    await keepScreen(page, 'certificate-ko-360-larger');

    await page.goto('/verify/file');
    await page.getByLabel(kc.verifyFile.pasteLabel).fill('{"type": ["VerifiableCredential"], "issuer": "x"}');
    await page.getByRole('button', { name: kc.verifyFile.submit }).click();
    await expect(page.getByText(kc.verifyFile.result.malformed)).toBeVisible();
    await expectNoHorizontalScroll(page, 360);
    await keepScreen(page, 'verify-file-ko-360-larger');
  });
});
