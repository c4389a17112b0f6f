// Signed-in browsers without the sign-in form. Signing in costs an argon2 verification (about a
// second on the 2-core CI machine while the other worker runs), so the `setup` project
// (e2e/auth.setup.ts) signs each demo account in once per run, through the API, and saves its
// cookies to e2e/.auth/<role>.json (gitignored). Journeys then start signed in:
//
//   import { expect, test } from './support/test';
//   import { asRole } from './support/auth';
//
//   test.describe('the manager', () => {
//     test.use(asRole('manager'));            // `page` is signed in as demo.manager
//     test('sees the program', async ({ page }) => {
//       await page.goto('/program');
//       ...
//     });
//   });
//
//   // A second person in the same journey: a browser of their own, signed in, closed after the test.
//   test('…', async ({ page, pageAs }) => {
//     const learner = await pageAs('learner');             // or pageAs('learner', { viewport: … })
//     await learner.goto('/learn');
//   });
//
//   // A page already set up (init scripts, listeners), or a role chosen at run time:
//   await signInAs(page.context(), 'instructor');
//
// `apiAs(DEMO.<role>.username)` (support/app.ts) reuses the same saved session too.
//
// Inside `test.use(asRole(…))`, `browser.newContext()` starts signed in as that role too (it takes
// the test's options): for somebody else, pass `browser.newContext({ ...signedOut })`.
//
// Keep the form (`signIn` from support/app.ts) where signing in is what the journey tests, and for
// accounts made during the test. Never sign out or end sessions ("sign out everywhere") on a
// shared demo session: every later journey would find itself signed out. Sign a demo account in
// through the form (its own session) in a journey that does that.
import type { BrowserContext } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PORT } from './constants';
import type { Role } from './app';

const AUTH_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.auth');

/** Where the setup project saves the signed-in state of a demo role (one file per role and port). */
export function authFile(role: Role): string {
  return path.join(AUTH_DIR, process.env.DARI_E2E_PORT ? `${PORT}-${role}.json` : `${role}.json`);
}

/** Whether the setup project has saved a role's state in this run's folder. */
export function hasAuthFile(role: Role): boolean {
  return existsSync(authFile(role));
}

/** Context options for a browser signed in as the demo account of `role`: `test.use(asRole('admin'))`
 *  or `browser.newContext({ ...asRole('learner') })`. */
export function asRole(role: Role): { storageState: string } {
  return { storageState: authFile(role) };
}

/** Context options for a browser nobody is signed in to, where the test's own `page` has a role. */
export const signedOut = { storageState: { cookies: [], origins: [] } };

/** Signs an existing context in as the demo account of `role` (its saved cookies), e.g. when the test
 *  has already set the page up (init scripts, listeners) or picks the role at run time. */
export async function signInAs(context: BrowserContext, role: Role): Promise<void> {
  const state = JSON.parse(readFileSync(authFile(role), 'utf8')) as {
    cookies: Parameters<BrowserContext['addCookies']>[0];
  };
  await context.addCookies(state.cookies);
}
