// Screens for people to look at (not compared): test-results[-<port>]/screens/<name>.png, full page.
// Taken on the phone project only (the names say 360): a full-page capture re-lays the page out at its
// whole height, a second or more on the CI machine, so journeys keep one or two where a person looks.
import type { Page } from '@playwright/test';
import path from 'node:path';
import { test } from './test';

export async function keepScreen(page: Page, name: string): Promise<void> {
  const project = test.info().project;
  if (project.name !== 'phone') return;
  await page.screenshot({ path: path.join(project.outputDir, 'screens', `${name}.png`), fullPage: true });
}
