// `test` with one automatic fixture: what went wrong in the browser (script errors, console errors,
// missing files, server errors) is attached to a failed test, so a blank page explains itself; a
// Content-Security-Policy refusal fails the test. And `pageAs(role)`: another person's browser,
// already signed in as that demo account (see support/auth.ts), closed when the test ends.
import { test as base, type BrowserContextOptions, type Page } from '@playwright/test';
import type { Role } from './app';
import { asRole } from './auth';

export { expect } from '@playwright/test';

export const test = base.extend<{
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- Playwright's auto fixture: use() takes no value
  browserErrors: void;
  pageAs: (role: Role, options?: BrowserContextOptions) => Promise<Page>;
}>({
  pageAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (role, options = {}) => {
      const context = await browser.newContext({ ...options, ...asRole(role) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  browserErrors: [
    async ({ context }, use, testInfo) => {
      const lines: string[] = [];
      context.on('weberror', (e) => lines.push(`page error: ${e.error().message}`));
      context.on('console', (m) => {
        if (m.type() === 'error') lines.push(`console error: ${m.text()}`);
      });
      // Content-Security-Policy refusals fail the test: the policy allows no inline script or style,
      // so anything the app does that needs them shows here. Zod's one probe for eval is expected.
      const refused: string[] = [];
      await context.exposeBinding('__dariCspViolation', (_source, line: string) => {
        if (!/^script-src(-elem)? eval /.test(line)) refused.push(line);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          void (window as unknown as { __dariCspViolation: (line: string) => Promise<void> }).__dariCspViolation(
            `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
          );
        });
      });
      context.on('response', (r) => {
        // 4xx answers from the API are part of the journeys (401 when signed out, wrong passwords).
        const isApi = new URL(r.url()).pathname.startsWith('/api/');
        if (r.status() >= 500 || (!isApi && r.status() >= 400))
          lines.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      });
      await use();
      if (refused.length > 0) lines.push(...refused.map((r) => `CSP refused: ${r}`));
      if (testInfo.status !== testInfo.expectedStatus && lines.length > 0) {
        await testInfo.attach('browser-errors.txt', { body: lines.join('\n'), contentType: 'text/plain' });
      }
      if (refused.length > 0)
        throw new Error(`The page did something its Content-Security-Policy refused:\n${refused.join('\n')}`);
    },
    { auto: true },
  ],
});
