// `npm run bench:web`: Lighthouse (mobile, its default: an emulated mid-range phone on a throttled
// 4G link) on the LESSON page, as a signed-in demo learner, in the system Chromium. Dari runs as
// `npm start` runs it, on a throw-away embedded PostgreSQL (or DATABASE_URL). Nothing leaves the
// machine: Chromium starts with its background traffic off, and the run fails if the page asked
// for anything but Dari. Prints the scores; results go into docs/performance.md by hand.
//
//   BENCH_WEB_RUNS=3          runs (the median by performance score is reported)
//   CHROME_PATH=/usr/bin/chromium
//   BENCH_WEB_REPORT=path     also write the median run's HTML report there
//   BENCH_WEB_JSON=path       also write the median run's Lighthouse result (JSON) there, to read its
//                             diagnostics (request chain, main-thread work, unused bytes)
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { existsSync, writeFileSync } from 'node:fs';
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

  // The demo learner, enrolled, on the course's first reading lesson.
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
  const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.kind === 'reading');
  const lessonUrl = `${base}/learn/courses/${SLUG}/lessons/${lesson.id}`;

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

  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    // The session cookie on every request of the page (Lighthouse starts from empty storage, like a first visit).
    let result;
    for (let attempt = 1; ; attempt++) {
      result = await lighthouse(lessonUrl, {
        port: chrome.port,
        output: 'html',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        extraHeaders: { cookie },
      });
      const error = result.lhr.runtimeError;
      if (!error) break;
      // A lost trace (NO_NAVSTART and the like) happens now and then on a busy machine: try again once.
      if (attempt >= 2) throw new Error(`Lighthouse: ${error.code} ${error.message}`);
      console.log(`run ${i + 1}: Lighthouse failed (${error.code}); trying again`);
    }
    const lhr = result.lhr;
    const requests = lhr.audits['network-requests']?.details?.items ?? [];
    const foreign = requests.filter(
      (r) => !r.url.startsWith(base) && !r.url.startsWith('data:') && !r.url.startsWith('blob:'),
    );
    if (foreign.length)
      throw new Error(`the page asked for something outside Dari: ${foreign.map((r) => r.url).join(', ')}`);
    if (!lhr.finalDisplayedUrl.startsWith(lessonUrl))
      throw new Error(`the lesson did not open (ended on ${lhr.finalDisplayedUrl}): is the session cookie sent?`);
    runs.push({ lhr, report: result.report, requests });
    console.log(
      `run ${i + 1}/${RUNS}: performance ${Math.round(lhr.categories.performance.score * 100)}, accessibility ${Math.round(lhr.categories.accessibility.score * 100)}`,
    );
  }
  runs.sort((a, b) => a.lhr.categories.performance.score - b.lhr.categories.performance.score);
  const { lhr, report, requests } = runs[Math.floor(runs.length / 2)];
  if (process.env.BENCH_WEB_REPORT) writeFileSync(process.env.BENCH_WEB_REPORT, report);
  if (process.env.BENCH_WEB_JSON) writeFileSync(process.env.BENCH_WEB_JSON, JSON.stringify(lhr, null, 1));

  const a = lhr.audits;
  const ms = (id) => `${Math.round(a[id].numericValue)} ms`;
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  const scripts = requests.filter((r) => r.resourceType === 'Script');
  const jsTransfer = scripts.reduce((s, r) => s + (r.transferSize ?? 0), 0);
  const jsResource = scripts.reduce((s, r) => s + (r.resourceSize ?? 0), 0);
  console.log(
    `\nLighthouse ${lhr.lighthouseVersion}, mobile (${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod} throttling), ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, median of ${RUNS} by performance`,
  );
  console.log(
    `page: /learn/courses/${SLUG}/lessons/<first reading lesson>, signed in as demo.learner, first visit (empty cache)\n`,
  );
  const rows = [
    ['performance', String(Math.round(lhr.categories.performance.score * 100))],
    ['accessibility', String(Math.round(lhr.categories.accessibility.score * 100))],
    ['First Contentful Paint', ms('first-contentful-paint')],
    ['Largest Contentful Paint', ms('largest-contentful-paint')],
    ['Total Blocking Time', ms('total-blocking-time')],
    ['Cumulative Layout Shift', a['cumulative-layout-shift'].numericValue.toFixed(3)],
    ['Speed Index', ms('speed-index')],
    ['JavaScript', `${scripts.length} files, ${kib(jsTransfer)} transferred (${kib(jsResource)} uncompressed)`],
    ['all requests', `${requests.length}, ${kib(a['total-byte-weight'].numericValue)} transferred`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);

  // What Lighthouse would improve, and any accessibility audit that failed.
  const opportunities = Object.values(a)
    .filter((x) => x.details?.type === 'opportunity' && x.score !== null && x.score < 0.9)
    .map((x) => `  - ${x.title}${x.displayValue ? ` (${x.displayValue})` : ''}`);
  if (opportunities.length) console.log(`\nopportunities:\n${opportunities.join('\n')}`);
  const a11y = lhr.categories.accessibility.auditRefs
    .filter((r) => r.weight > 0 && a[r.id].score !== null && a[r.id].score < 1)
    .map((r) => `  - ${a[r.id].title}`);
  if (a11y.length) console.log(`\naccessibility audits that failed:\n${a11y.join('\n')}`);
  console.log('\nTargets (QUALITY.md): performance ≥ 95, accessibility 100.');
} finally {
  await stop();
}
