// `test` with one automatic fixture: what went wrong in the browser (script errors, console errors,
// missing files, server errors) is attached to a failed test, so a blank page explains itself.
import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';

export const test = base.extend<{ browserErrors: void }>({
  browserErrors: [
    async ({ context }, use, testInfo) => {
      const lines: string[] = [];
      context.on('weberror', (e) => lines.push(`page error: ${e.error().message}`));
      context.on('console', (m) => {
        if (m.type() === 'error') lines.push(`console error: ${m.text()}`);
      });
      context.on('response', (r) => {
        // 4xx answers from the API are part of the journeys (401 when signed out, wrong passwords).
        const isApi = new URL(r.url()).pathname.startsWith('/api/');
        if (r.status() >= 500 || (!isApi && r.status() >= 400)) lines.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      });
      await use();
      if (testInfo.status !== testInfo.expectedStatus && lines.length > 0) {
        await testInfo.attach('browser-errors.txt', { body: lines.join('\n'), contentType: 'text/plain' });
      }
    },
    { auto: true },
  ],
});
