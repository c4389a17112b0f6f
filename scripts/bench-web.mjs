// `npm run bench:web`: Lighthouse (mobile, its default: an emulated mid-range phone on a throttled
// 4G link) on every learner page a person opens first — sign-in, My learning (with the catalogue),
// the course page, a reading lesson, a quiz lesson, the glossary, a certificate and /verify — in the
// system Chromium, median of BENCH_WEB_RUNS each, one table. Signed-in pages carry the demo learner's
// session cookie (enrolled in the starter course first). Then the lesson page once more as a return
// visit (cache and service worker kept from the run before). Dari runs as `npm start` runs it, on a
// throw-away embedded PostgreSQL (or DATABASE_URL). Nothing leaves the machine: Chromium starts with
// its background traffic off, and the run fails if a page asked for anything but Dari. Results go
// into docs/performance.md ("Learner pages") by hand.
//
//   BENCH_WEB_RUNS=3          runs per page (the median by performance score is reported)
//   BENCH_WEB_PAGES=lesson,quiz   only these pages (names as in the table's first column)
//   CHROME_PATH=/usr/bin/chromium
//   BENCH_WEB_REPORT=dir      also write each page's median HTML report there (<page>.html)
//   BENCH_WEB_JSON=dir        also write each page's median Lighthouse result there (<page>.json), to read
//                             its diagnostics (request chain, main-thread work, unused bytes)
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBenchDatabase, startDari } from './bench-server.mjs';
import { buildIfNeeded } from './build-if-needed.mjs';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
const PASSWORD = 'bench-web-demo-passphrase';
const SLUG = 'human-rights-basics';
const chromePath =
  process.env.CHROME_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!chromePath) {
  console.error('No Chromium found: install it (Debian: apt-get install -y chromium) or set CHROME_PATH.');
  process.exit(1);
}
buildIfNeeded();

const { url, embedded } = await openBenchDatabase('dari-bench-web');
const port = Number(process.env.BENCH_WEB_PORT ?? 3400 + Math.floor(Math.random() * 100));
const base = `http://127.0.0.1:${port}`;
let server;
let chrome;
const stop = async () => {
  await chrome?.kill();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  await embedded?.destroy();
};

try {
  server = await startDari({ url, port, password: PASSWORD, env: { WEB_CONCURRENCY: '1' } });

  // The demo learner, enrolled; the course's first reading and first quiz lesson; a certificate if any.
  const headers = { 'content-type': 'application/json', 'x-dari-client': 'web' };
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username: 'demo.learner', password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  await fetch(`${base}/api/v1/courses/${SLUG}/enrol`, { method: 'POST', headers: { ...headers, cookie }, body: '{}' });
  const course = await (await fetch(`${base}/api/v1/courses/${SLUG}`, { headers: { cookie } })).json();
  const lessons = course.modules.flatMap((m) => m.lessons);
  const reading = lessons.find((l) => l.kind === 'reading');
  const quiz = lessons.find((l) => l.kind === 'quiz');
  const certificates = await (await fetch(`${base}/api/v1/me/certificates`, { headers: { cookie } })).json();
  const certificate = (certificates.items ?? certificates)[0];
  const lessonPath = (l) => `/learn/courses/${SLUG}/lessons/${l.id}`;
  const allPages = [
    { name: 'sign-in', path: '/sign-in', signedIn: false },
    { name: 'my-learning', path: '/learn', signedIn: true },
    { name: 'course', path: `/learn/courses/${SLUG}`, signedIn: true },
    { name: 'lesson', path: lessonPath(reading), signedIn: true },
    ...(quiz ? [{ name: 'quiz', path: lessonPath(quiz), signedIn: true }] : []),
    { name: 'glossary', path: '/glossary', signedIn: true },
    // The demo learner has no certificate on a fresh database: then the certificates page stands in.
    certificate
      ? { name: 'certificate', path: `/learn/certificates/${certificate.id}`, signedIn: true }
      : { name: 'certificates', path: '/learn/certificates', signedIn: true },
    { name: 'verify', path: '/verify', signedIn: false },
  ];
  const only = process.env.BENCH_WEB_PAGES?.split(',').filter(Boolean);
  const pages = only ? allPages.filter((p) => only.includes(p.name)) : allPages;

  chrome = await launch({
    chromePath,
    // Headless, and no traffic of Chromium's own (updates, sync, field trials, safe browsing…).
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-domain-reliability',
      '--no-first-run',
      '--disable-default-apps',
      '--disable-client-side-phishing-detection',
      '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication',
    ],
  });

  /** One Lighthouse run; a lost trace (NO_NAVSTART and the like, now and then on a busy machine) is tried again once. */
  async function audit(page, { keepCache = false } = {}) {
    const pageUrl = `${base}${page.path}`;
    for (let attempt = 1; ; attempt++) {
      const result = await lighthouse(pageUrl, {
        port: chrome.port,
        output: 'html',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        // The session cookie on every request of a signed-in page. Lighthouse starts from empty storage
        // (a first visit) unless the cache is kept on purpose (a return visit).
        extraHeaders: page.signedIn ? { cookie } : {},
        disableStorageReset: keepCache,
      });
      const error = result.lhr.runtimeError;
      if (!error) {
        const lhr = result.lhr;
        const requests = lhr.audits['network-requests']?.details?.items ?? [];
        const foreign = requests.filter(
          (r) => !r.url.startsWith(base) && !r.url.startsWith('data:') && !r.url.startsWith('blob:'),
        );
        if (foreign.length)
          throw new Error(`${page.name} asked for something outside Dari: ${foreign.map((r) => r.url).join(', ')}`);
        if (!new URL(lhr.finalDisplayedUrl).pathname.startsWith(page.path))
          throw new Error(`${page.name} did not open (ended on ${lhr.finalDisplayedUrl}): is the session cookie sent?`);
        return { lhr, report: result.report, requests };
      }
      if (attempt >= 2) throw new Error(`Lighthouse on ${page.name}: ${error.code} ${error.message}`);
      console.log(`${page.name}: Lighthouse failed (${error.code}); trying again`);
    }
  }

  const score = (lhr, c) => Math.round(lhr.categories[c].score * 100);
  const kib = (bytes) => (bytes / 1024).toFixed(1);
  function row(name, { lhr, requests }, spread) {
    const a = lhr.audits;
    const ms = (id) => `${(a[id].numericValue / 1000).toFixed(2)} s`;
    const scripts = requests.filter((r) => r.resourceType === 'Script');
    const transferred = requests.reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
    return [
      name,
      `${score(lhr, 'performance')}${spread ? ` (${spread})` : ''}`,
      String(score(lhr, 'accessibility')),
      ms('first-contentful-paint'),
      ms('largest-contentful-paint'),
      `${Math.round(a['total-blocking-time'].numericValue)} ms`,
      a['cumulative-layout-shift'].numericValue.toFixed(3),
      `${kib(scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0))} (${scripts.length})`,
      `${kib(transferred)} (${requests.length})`,
    ];
  }

  const rows = [];
  const notes = [];
  let lessonRun;
  let any;
  for (const page of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await audit(page);
      runs.push(run);
      any ??= run.lhr;
      console.log(
        `${page.name} ${i + 1}/${RUNS}: performance ${score(run.lhr, 'performance')}, accessibility ${score(run.lhr, 'accessibility')}`,
      );
    }
    runs.sort((a, b) => a.lhr.categories.performance.score - b.lhr.categories.performance.score);
    const median = runs[Math.floor(runs.length / 2)];
    const spread = RUNS > 1 ? `${score(runs[0].lhr, 'performance')}–${score(runs.at(-1).lhr, 'performance')}` : '';
    rows.push(row(page.name, median, spread));
    if (page.name === 'lesson') lessonRun = page;
    if (process.env.BENCH_WEB_REPORT)
      writeFileSync(path.join(process.env.BENCH_WEB_REPORT, `${page.name}.html`), median.report);
    if (process.env.BENCH_WEB_JSON)
      writeFileSync(path.join(process.env.BENCH_WEB_JSON, `${page.name}.json`), JSON.stringify(median.lhr, null, 1));
    const a = median.lhr.audits;
    const failed = median.lhr.categories.accessibility.auditRefs
      .filter((r) => r.weight > 0 && a[r.id].score !== null && a[r.id].score < 1)
      .map((r) => a[r.id].title);
    if (failed.length) notes.push(`${page.name}: accessibility audits that failed: ${failed.join('; ')}`);
    const opportunities = Object.values(a)
      .filter((x) => x.details?.type === 'opportunity' && x.score !== null && x.score < 0.9)
      .map((x) => `${x.title}${x.displayValue ? ` (${x.displayValue})` : ''}`);
    if (opportunities.length) notes.push(`${page.name}: ${opportunities.join('; ')}`);
  }
  // A return visit: the lesson again with the cache and the service worker of the run before.
  if (lessonRun) rows.push(row('lesson, return visit', await audit(lessonRun, { keepCache: true })));

  console.log(
    `\nLighthouse ${any.lighthouseVersion}, mobile (${any.configSettings.formFactor}, ${any.configSettings.throttlingMethod} throttling), ${any.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, benchmark index ${Math.round(any.environment.benchmarkIndex)}, median of ${RUNS} by performance, first visit (empty cache) unless said; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  const head = [
    'page',
    'performance',
    'accessibility',
    'FCP',
    'LCP',
    'TBT',
    'CLS',
    'JS KiB (files)',
    'transferred KiB (requests)',
  ];
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
  console.log('\nTargets (QUALITY.md): performance ≥ 95, accessibility 100, LCP ≤ 2.0 s on every page.');
} finally {
  await stop();
}
