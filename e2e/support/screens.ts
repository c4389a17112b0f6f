// Screens for people to look at (not compared): test-results[-<port>]/screens/<name>.png, full page.
// Taken on the phone project only (the names say 360): a full-page capture re-lays the page out at its
// whole height and encodes it at the phone's pixel ratio, a second or more on the CI machine, so
// journeys keep one or two where a person looks. In CI (CI set) nobody looks at them, and none is taken
// unless DARI_E2E_SCREENS=1 asks for them.
import type { Page } from '@playwright/test';
import path from 'node:path';
import { test } from './test';

/** Whether this run keeps screens: always outside CI; in CI only when DARI_E2E_SCREENS=1. */
export const SCREENS_WANTED = !process.env.CI || process.env.DARI_E2E_SCREENS === '1';

export async function keepScreen(page: Page, name: string): Promise<void> {
  const project = test.info().project;
  if (project.name !== 'phone' || !SCREENS_WANTED) return;
  await page.screenshot({ path: path.join(project.outputDir, 'screens', `${name}.png`), fullPage: true });
}
