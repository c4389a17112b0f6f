// `npm run test:e2e`: the Playwright journeys in the system Chromium against a freshly started Dari.
// Extra arguments go to `playwright test` (e.g. `npm run test:e2e -- --project=phone -g reset`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_HELP, findChromium } from '../e2e/chromium.mjs';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const chromium = findChromium();
if (!chromium) {
  if (process.env.CHROMIUM_PATH)
    process.stderr.write(`[e2e] CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file.\n`);
  process.stderr.write(`[e2e] ${CHROMIUM_HELP}\n`);
  process.exit(1);
}
process.stdout.write(`[e2e] Chromium: ${chromium}\n`);

// Build once here, so the web server's own check finds nothing to do and starts within its timeout.
buildIfNeeded();

const result = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
if (result.error) {
  process.stderr.write(`[e2e] could not run Playwright: ${result.error.message}\n`);
  process.exit(1);
}
process.exit(result.status ?? 1);
