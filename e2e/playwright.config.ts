// End-to-end journeys in the system Chromium against a real `npm start` (embedded PostgreSQL 18 in a
// throw-away folder, demo accounts seeded with a known password). Run with `npm run test:e2e`.
import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_HELP, findChromium } from './chromium.mjs';
import { BASE_URL, E2E_DATA_DIR_ENV, MAX_FAILURES_PER_ACCOUNT, PORT, TEST_PASSWORD } from './support/constants';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// One data folder per run. The config is also loaded by each worker, which inherits this variable,
// so everyone agrees on the folder; global-teardown removes it once the server has stopped.
process.env[E2E_DATA_DIR_ENV] ??= path.join(os.tmpdir(), `dari-e2e-${process.pid}-${Date.now()}`);

const executablePath = findChromium();
if (!executablePath) throw new Error(CHROMIUM_HELP);

const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: path.join(root, process.env.DARI_E2E_PORT ? `test-results-${process.env.DARI_E2E_PORT}` : 'test-results'),
  // Whole journeys: 20-35 s each on the 2-core CI machine while the other worker runs (a few came near 30 s).
  timeout: 60_000,
  expect: { timeout: 7_000 },
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  globalTeardown: './support/global-teardown.ts',
  use: {
    baseURL: BASE_URL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      // Signs each demo account in once and saves its cookies (e2e/.auth/, see support/auth.ts), so
      // journeys start signed in instead of filling the sign-in form (an argon2 check each time).
      name: 'setup',
      testMatch: 'auth.setup.ts',
    },
    {
      // Every journey runs on a small phone: that is how most learners use Dari.
      name: 'phone',
      dependencies: ['setup'],
      use: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    },
    {
      // The journeys tagged @desktop run once more on a desktop screen.
      name: 'desktop',
      grep: /@desktop/,
      dependencies: ['setup'],
      use: { viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: 'node scripts/start.mjs',
    cwd: root,
    url: `${BASE_URL}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: isCI ? 'pipe' : 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      // Always the embedded database in a fresh folder, even if the shell has a DATABASE_URL.
      DATABASE_URL: '',
      DARI_DATA_DIR: process.env[E2E_DATA_DIR_ENV],
      DARI_DEMO: 'true',
      DARI_DEMO_PASSWORD: TEST_PASSWORD,
      DARI_LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES_PER_ACCOUNT),
      // Failure counts start again at fixed window edges; a long window keeps one from falling
      // in the middle of the throttling journey.
      DARI_LOGIN_WINDOW_MINUTES: '600',
      // Request logs (4xx are warnings) would drown the test list; startup lines still show.
      LOG_LEVEL: 'error',
    },
  },
});
