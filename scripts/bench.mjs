// `npm run bench`: Dari's production build on PostgreSQL (embedded, or DATABASE_URL) under load from
// autocannon on loopback, beside a bare node:http + pg server running the same SQL, so every number
// has a baseline, then the report queries at BENCH_REPORT_LEARNERS learners (default 1,000). Prints
// tables; results go into docs/performance.md by hand, with the machine.
//
// BENCH_INSTANCES=2: two Dari processes on the same database (the second on BENCH_SECOND_PORT, default
// BENCH_PORT + 1), as two instances behind a load balancer would be. Every scenario then runs one
// autocannon per instance, at half the connections (and half the rate) each, at the same time and from
// this one process (so the load generator costs what it costs with one instance, and no proxy hop is
// added); the row sums their req/s and takes the worse of the two for each latency percentile.
// Learners sign in on the first instance; their sessions are used on both (checked before the load).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { json, jsonPoster, openBenchDatabase, startDari } from './bench-server.mjs';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PASSWORD = 'bench-demo-passphrase';
buildIfNeeded();

const { url, embedded } = await openBenchDatabase('dari-bench');

// Dari itself, as `npm start` runs it (migrations, starter curriculum, demo accounts).
const port = Number(process.env.BENCH_PORT ?? 3900 + Math.floor(Math.random() * 50));
const base = `http://127.0.0.1:${port}`;
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);
if (INSTANCES !== 1 && INSTANCES !== 2) throw new Error('BENCH_INSTANCES is 1 or 2');
const dariOptions = {
  url,
  password: PASSWORD,
  env: { DARI_LOGIN_MAX_FAILURES_PER_IP: '1000000', DARI_LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000' },
};
const server = await startDari({ ...dariOptions, port });
const servers = [server];
const bases = [base];
if (INSTANCES === 2) {
  // Started once the first has run the migrations and made the demo accounts, as a second instance would be.
  const secondPort = Number(process.env.BENCH_SECOND_PORT ?? port + 1);
  servers.push(await startDari({ ...dariOptions, port: secondPort }));
  bases.push(`http://127.0.0.1:${secondPort}`);
}

const post = jsonPoster(base);
const adminCookie = (await post('/api/v1/auth/login', { username: 'demo.admin', password: PASSWORD })).headers
  .get('set-cookie')
  .split(';')[0];
const slug = 'human-rights-basics';
// Many learners, as in a real programme: each event locks only its own learner's enrolment.
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 100);
const cookies = [];
const ids = [];
for (let i = 0; i < LEARNERS; i++) {
  const username = `bench.${process.pid}.${i}`;
  await post(
    '/api/v1/admin/users',
    { username, displayName: `벤치 ${i}`, role: 'learner', password: PASSWORD },
    adminCookie,
  );
  const cookie = (await post('/api/v1/auth/login', { username, password: PASSWORD })).headers
    .get('set-cookie')
    .split(';')[0];
  await post(`/api/v1/courses/${slug}/enrol`, {}, cookie);
  cookies.push(cookie);
  ids.push((await (await fetch(`${base}/api/v1/me`, { headers: { cookie } })).json()).id);
}
const cookie = cookies[0];
// A session made on one instance is a session on the other (they share the database).
for (const other of bases.slice(1)) {
  for (const [i, c] of [cookies[0], cookies.at(-1)].entries()) {
    const res = await fetch(`${other}/api/v1/me`, { headers: { cookie: c } });
    const me = res.ok ? await res.json() : undefined;
    if (me?.id !== ids[i === 0 ? 0 : ids.length - 1]) {
      throw new Error(`a session made on ${base} is not one on ${other}: /me answered ${res.status}`);
    }
  }
}
const course = await (await fetch(`${base}/api/v1/courses/${slug}`, { headers: { cookie } })).json();
const allLessons = course.modules.flatMap((m) => m.lessons);
const lessons = allLessons.filter((l) => l.kind !== 'quiz');
const lessonId = lessons[0].id;
let turn = 0;
const nextCookie = () => cookies[turn++ % cookies.length];
let lessonTurn = 0;

const event = () => ({
  id: randomUUID(),
  lessonId,
  type: 'time_spent',
  seconds: 5,
  occurredAt: new Date().toISOString(),
});
/** Progress events `perRequest` at a time, each with a new id, from the learners in turn (as phones send them). */
const progressRequests = (perRequest) => [
  {
    method: 'POST',
    path: '/api/v1/progress/events',
    headers: json,
    setupRequest: (req) => ({
      ...req,
      headers: { ...json, cookie: nextCookie() },
      body: JSON.stringify({ events: Array.from({ length: perRequest }, event) }),
    }),
  },
];
const oneEventPerRequest = progressRequests(1);

const cannon = (target, opts) =>
  new Promise((resolve, reject) => {
    autocannon({ url: target, duration: DURATION, connections: CONNECTIONS, ...opts }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
  });
/** n shared out over the instances: the first ones take the remainder. */
const share = (n, i) => Math.floor(n / bases.length) + (i < n % bases.length ? 1 : 0);
/** Several autocannon results of the same moment as one row: req/s summed, each percentile the worse one. */
const combined = (parts) => ({
  requests: {
    average: parts.reduce((a, r) => a + r.requests.average, 0),
    total: parts.reduce((a, r) => a + r.requests.total, 0),
  },
  latency: Object.fromEntries(
    ['p50', 'p90', 'p97_5', 'p99', 'max'].map((k) => [k, Math.max(...parts.map((r) => r.latency[k] ?? 0))]),
  ),
  errors: parts.reduce((a, r) => a + r.errors, 0),
  non2xx: parts.reduce((a, r) => a + r.non2xx, 0),
  parts,
});
const run = async (title, opts) => {
  if (bases.length === 1) return { title, r: await cannon(base, opts) };
  const connections = opts.connections ?? CONNECTIONS;
  const parts = await Promise.all(
    bases.map((target, i) =>
      cannon(target, {
        ...opts,
        connections: share(connections, i),
        ...(opts.overallRate ? { overallRate: share(opts.overallRate, i) } : {}),
      }),
    ),
  );
  return { title, r: combined(parts) };
};
const results = [];
results.push(await run('progress event (1 per request)', { requests: oneEventPerRequest }));
results.push(await run('progress events (batches of 20)', { requests: progressRequests(20) }));
const progressRequest = {
  method: 'GET',
  path: `/api/v1/courses/${slug}/progress`,
  setupRequest: (req) => ({ ...req, headers: { cookie: nextCookie() } }),
};
results.push(await run('course page: outline + own progress', { requests: [progressRequest] }));
results.push(await run('course page at 300 req/s', { overallRate: 300, requests: [progressRequest] }));
// Opening a lesson is what the lesson page asks for on a first open (preloadRoute, lesson-page.tsx): the
// outline, the learner's own progress and the lesson (its HTML), by one learner, lessons in turn. Each
// counts as one request; lesson opens per second are a third of the row's req/s. No If-None-Match:
// a first open, not the 304 of a page that has the outline already.
const lessonOpened = (req, context) => {
  context.cookie = nextCookie();
  context.lessonId = allLessons[lessonTurn++ % allLessons.length].id;
  return { ...req, headers: { cookie: context.cookie } };
};
const sameLearner = (req, context) => ({ ...req, headers: { cookie: context.cookie } });
const openingLesson = await run('opening a lesson (outline + own progress + lesson)', {
  requests: [
    { method: 'GET', path: `/api/v1/courses/${slug}/outline`, setupRequest: lessonOpened },
    { method: 'GET', path: `/api/v1/courses/${slug}/progress`, setupRequest: sameLearner },
    {
      method: 'GET',
      path: `/api/v1/courses/${slug}/lessons/${allLessons[0].id}`, // replaced by each open's lesson
      setupRequest: (req, context) => ({
        ...sameLearner(req, context),
        path: `/api/v1/courses/${slug}/lessons/${context.lessonId}`,
      }),
    },
  ],
});
results.push(openingLesson);
// What the page asked for until 2026-12-07 (the published course with every lesson's content, and the
// progress), kept for comparison with the figures before it.
results.push(
  await run('old lesson opening (whole course + own progress; before 2026-12-07)', {
    requests: [
      { method: 'GET', path: `/api/v1/courses/${slug}`, setupRequest: lessonOpened },
      { method: 'GET', path: `/api/v1/courses/${slug}/progress`, setupRequest: sameLearner },
    ],
  }),
);
// Sign-in is meant to be slow (argon2); health is measured at the same time to show it is not starved.
const [signIn, healthDuring] = await Promise.all([
  run('sign-in (argon2id)', {
    connections: 4,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: json,
        body: JSON.stringify({ username: 'demo.manager', password: PASSWORD }),
      },
    ],
  }),
  run('health while sign-ins run', {
    connections: 4,
    overallRate: 100,
    requests: [{ method: 'GET', path: '/api/v1/health' }],
  }),
]);
results.push(signIn, healthDuring);

// BENCH_ANNOUNCEMENTS=1: announcements to the whole seeded cohort (BENCH_REPORT_LEARNERS learners) and to its
// at-risk learners while progress events run: the progress endpoint alone and beside each, every send's own
// latency, then a learner of the cohort reading their unread count (docs/learning-together.md).
const ANNOUNCEMENTS = process.env.BENCH_ANNOUNCEMENTS === '1';
const announceRuns = [];
const announceSends = { cohort: [], atRisk: [] };
let unreadRun = null;
let atRiskRecipients = null;
async function announcementBench(cohortId) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    // Senders: an author may send 10 an hour, so a few managers of the cohort take turns.
    const managers = [];
    for (let i = 0; i < 20; i++) {
      const username = `bench.mgr.${process.pid}.${i}`;
      await post(
        '/api/v1/admin/users',
        { username, displayName: `관리자 ${i}`, role: 'manager', password: PASSWORD },
        adminCookie,
      );
      await db.query(
        `INSERT INTO cohort_members (cohort_id, user_id, role) SELECT $1, id, 'manager' FROM users WHERE username = $2`,
        [cohortId, username],
      );
      managers.push(
        (await post('/api/v1/auth/login', { username, password: PASSWORD })).headers.get('set-cookie').split(';')[0],
      );
    }
    let sent = 0;
    const send = async (atRiskOnly) => {
      const t0 = performance.now();
      const res = await post(
        `/api/v1/cohorts/${cohortId}/announcements`,
        { text: { ko: `벤치 공지 ${sent}` }, atRiskOnly },
        managers[Math.floor(sent++ / 10) % managers.length],
      );
      const body = await res.json();
      if (res.status !== 201) throw new Error(`announcement answered ${res.status}: ${JSON.stringify(body)}`);
      if (atRiskOnly) atRiskRecipients = body.recipientCount ?? body.audienceCount ?? null;
      (atRiskOnly ? announceSends.atRisk : announceSends.cohort).push(performance.now() - t0);
    };
    const progress = (title) => run(title, { requests: oneEventPerRequest });
    // While progress events run, one send a second (the whole cohort), or one after another (at risk).
    const beside = async (title, atRiskOnly, pause) => {
      let on = true;
      const loop = (async () => {
        while (on) {
          await send(atRiskOnly);
          if (pause) await new Promise((r) => setTimeout(r, pause));
        }
      })();
      const r = await progress(title);
      on = false;
      await loop;
      return r;
    };
    const n = REPORT_LEARNERS.toLocaleString('en');
    announceRuns.push(await progress(`progress event, ${n}-learner cohort seeded, alone`));
    announceRuns.push(
      await beside(`progress event while announcements go to the ${n}-learner cohort (1/s)`, false, 1000),
    );
    announceRuns.push(await beside(`progress event while at-risk announcements are sent (back to back)`, true, 0));
    // A learner of the cohort, at risk (so every announcement above is theirs): their sign-in is a copy of a
    // bench learner's password hash, then the unread count, read as the header reads it.
    const [{ id: learnerId }] = (
      await db.query(
        `SELECT m.user_id AS id FROM cohort_members m JOIN announcement_recipients r ON r.user_id = m.user_id
          WHERE m.cohort_id = $1 AND m.role = 'learner' AND r.announcement_id = (SELECT id FROM announcements WHERE cohort_id = $1 AND at_risk_only ORDER BY created_at DESC LIMIT 1)
          LIMIT 1`,
        [cohortId],
      )
    ).rows;
    const [{ username }] = (
      await db.query(
        `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = $2) WHERE id = $1 RETURNING username`,
        [learnerId, ids[0]],
      )
    ).rows;
    const learner = (await post('/api/v1/auth/login', { username, password: PASSWORD })).headers
      .get('set-cookie')
      .split(';')[0];
    const unread = await (
      await fetch(`${base}/api/v1/me/notifications/unread-count`, { headers: { cookie: learner } })
    ).json();
    unreadRun = await run(`unread count of a learner of the cohort (${unread.unread} unread)`, {
      connections: 4,
      requests: [{ method: 'GET', path: '/api/v1/me/notifications/unread-count', headers: { cookie: learner } }],
    });
  } finally {
    await db.end();
  }
}

// Progress events while a manager's full cohort CSV export streams (QUALITY.md: the export must not
// push the progress endpoint's p99 over budget). The cohort is the data generator's, at the size the
// report timings below use, so they find it ready.
const REPORT_LEARNERS = Number(process.env.BENCH_REPORT_LEARNERS ?? 1000);
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const exportTimes = [];
if (REPORT_LEARNERS > 0) {
  const seeded = spawn(
    tsx,
    ['scripts/seed-load.ts', '--learners', String(REPORT_LEARNERS), '--manager', 'demo.manager'],
    {
      cwd: path.join(root, 'apps/api'),
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const seededCode = await new Promise((r) => seeded.once('exit', r));
  if (seededCode !== 0) throw new Error(`seed-load exited with code ${seededCode}`);
  const managerCookie = (await post('/api/v1/auth/login', { username: 'demo.manager', password: PASSWORD })).headers
    .get('set-cookie')
    .split(';')[0];
  const cohorts = await (await fetch(`${base}/api/v1/cohorts`, { headers: { cookie: managerCookie } })).json();
  const benchCohort = cohorts.items.find((c) => c.name === 'bench cohort');
  let exporting = true;
  const exportLoop = (async () => {
    while (exporting) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/reports/cohorts/${benchCohort.id}/export`, {
        headers: { cookie: managerCookie },
      });
      let bytes = 0;
      for await (const chunk of res.body) bytes += chunk.length;
      if (!res.ok) throw new Error(`export answered ${res.status}`);
      exportTimes.push({ ms: performance.now() - t0, bytes });
    }
  })();
  results.push(
    await run(`progress event while a ${REPORT_LEARNERS.toLocaleString('en')}-learner CSV export streams`, {
      requests: oneEventPerRequest,
    }),
  );
  exporting = false;
  await exportLoop;
  if (ANNOUNCEMENTS) await announcementBench(benchCohort.id);
}
for (const s of servers) s.kill('SIGTERM');
await Promise.all(servers.map((s) => (s.exitCode === null ? new Promise((r) => s.once('exit', r)) : undefined)));

// The bare baseline: node:http + pg, the same SQL for the progress write and the course page.
const pool = new pg.Pool({ connectionString: url, max: 20 });
// pool.end() resolves before its idle clients have closed; stopping PostgreSQL right after may then
// end them with 57P01, which would crash the script as an unhandled pool 'error'.
pool.on('error', () => undefined);
const [{ course_id: courseId }] = (
  await pool.query(`SELECT course_id FROM published_lessons WHERE lesson_id = $1`, [lessonId])
).rows;
const bare = http.createServer(async (req, res) => {
  try {
    if (req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const e = JSON.parse(body).events[0];
      const userId = ids[turn++ % ids.length];
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const [en] = (
          await c.query(`SELECT id FROM enrolments WHERE user_id = $1 AND course_id = $2 FOR UPDATE`, [
            userId,
            courseId,
          ])
        ).rows;
        const ins = await c.query(
          `INSERT INTO learning_events (id, user_id, course_id, lesson_id, course_version, type, payload, occurred_at) VALUES ($1, $2, $3, $4, 1, 'time_spent', $5, now()) ON CONFLICT DO NOTHING RETURNING id`,
          [e.id, userId, courseId, e.lessonId, { seconds: 5 }],
        );
        if (ins.rowCount) {
          await c.query(
            `INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, time_spent_seconds) VALUES ($1, $2, $3, 'in_progress', 5) ON CONFLICT (user_id, lesson_id) DO UPDATE SET time_spent_seconds = lesson_progress.time_spent_seconds + 5, updated_at = now()`,
            [userId, e.lessonId, courseId],
          );
          await c.query(`UPDATE enrolments SET last_activity_at = now(), last_lesson_id = $2 WHERE id = $1`, [
            en.id,
            e.lessonId,
          ]);
        }
        await c.query('COMMIT');
      } finally {
        c.release();
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    } else {
      const userId = ids[turn++ % ids.length];
      const rows = (
        await pool.query(
          `SELECT pl.lesson_id, lp.status, lp.position FROM published_lessons pl LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = $1 WHERE pl.course_id = $2 ORDER BY pl.position`,
          [userId, courseId],
        )
      ).rows;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows));
    }
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
});
await new Promise((r) => bare.listen(port + 100, '127.0.0.1', r));
const bareBase = `http://127.0.0.1:${port + 100}`;
// One bare process whatever BENCH_INSTANCES is: it is the database's and the machine's ceiling for this SQL.
const runBare = async (title, opts) => ({ title, r: await cannon(bareBase, opts) });
const bareWrite = await runBare('bare baseline: progress write', {
  requests: [
    {
      method: 'POST',
      path: '/',
      headers: json,
      setupRequest: (req) => ({ ...req, body: JSON.stringify({ events: [event()] }) }),
    },
  ],
});
const bareRead = await runBare('bare baseline: course page', { requests: [{ method: 'GET', path: '/' }] });
bare.close();
await pool.end();

// The report queries at the data generator's size, in the same run and on the same database
// (apps/api/scripts/bench-reports.ts). Small by default; BENCH_REPORT_LEARNERS=100000 for the
// QUALITY.md size, 0 to leave it out.
let reportOutput = '';
if (REPORT_LEARNERS > 0) {
  const reports = spawn(tsx, ['scripts/bench-reports.ts', '--sizes', String(REPORT_LEARNERS)], {
    cwd: path.join(root, 'apps/api'),
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  reports.stdout.on('data', (b) => (reportOutput += b.toString()));
  const code = await new Promise((r) => reports.once('exit', r));
  if (code !== 0) reportOutput += `\n(the report benchmark exited with code ${code})\n`;
}
await embedded?.destroy();

const row = ({ title, r }) => [
  title,
  r.parts
    ? `${r.requests.average.toFixed(0)} (${r.parts.map((p) => p.requests.average.toFixed(0)).join(' + ')})`
    : r.requests.average.toFixed(0),
  `${r.latency.p50} / ${r.latency.p97_5 ?? r.latency.p95} / ${r.latency.p99}`,
  String(r.errors + r.non2xx),
];
const table = [
  ['scenario', 'req/s', 'latency p50 / p97.5 / p99 ms', 'errors'],
  ...results.map(row),
  row(bareWrite),
  row(bareRead),
];
if (ANNOUNCEMENTS) table.push(...announceRuns.map(row), ...(unreadRun ? [row(unreadRun)] : []));
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
console.log(
  `\nDari under load: ${DURATION} s each, ${CONNECTIONS} connections${INSTANCES > 1 ? ` shared out over ${INSTANCES} API processes on one database (req/s summed, each percentile the worse instance's)` : ''}, ${process.env.WEB_CONCURRENCY ?? 1} API worker(s) per process (WEB_CONCURRENCY), ${os.cpus().length} cores (${os.cpus()[0]?.model}), Node ${process.version}, PostgreSQL ${embedded ? '18 embedded' : 'DATABASE_URL'}\n`,
);
for (const [i, r] of table.entries()) {
  console.log(`| ${r.map((c, j) => c.padEnd(widths[j])).join(' | ')} |`);
  if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
}
const ratio = (a, b) => (a.r.requests.average / b.r.requests.average).toFixed(2);
console.log(
  `\nDari / bare baseline: progress write ${ratio(results[0], bareWrite)}× (p99 ${results[0].r.latency.p99} ms), course page ${ratio(results[2], bareRead)}×`,
);
console.log(`events per second with batches of 20: ${(results[1].r.requests.average * 20).toFixed(0)}`);
console.log(
  `course page at 300 req/s: p97.5 ${results[3].r.latency.p97_5} ms (autocannon has no p95), p99 ${results[3].r.latency.p99} ms`,
);
console.log(
  `opening a lesson: ${openingLesson.r.requests.average.toFixed(0)} req/s = ${(openingLesson.r.requests.average / 3).toFixed(0)} lesson opens/s (3 requests each)`,
);
if (exportTimes.length) {
  const ms = exportTimes.map((e) => e.ms).sort((a, b) => a - b);
  console.log(
    `full cohort CSV exports during that run: ${ms.length}, ${(ms[Math.floor(ms.length / 2)] / 1000).toFixed(2)} s median, ${(ms.at(-1) / 1000).toFixed(2)} s slowest, ${(exportTimes[0].bytes / 1024).toFixed(0)} KiB each`,
  );
}
if (ANNOUNCEMENTS && announceRuns.length) {
  const ms = (xs) => {
    const v = [...xs].sort((a, b) => a - b);
    return v.length
      ? `${v.length} sent, ${v[Math.floor(v.length / 2)].toFixed(0)} ms median, ${v.at(-1).toFixed(0)} ms slowest`
      : 'none sent';
  };
  console.log(
    `progress event / bare baseline: alone ${ratio(announceRuns[0], bareWrite)}×, beside whole-cohort announcements ${ratio(announceRuns[1], bareWrite)}×, beside at-risk announcements ${ratio(announceRuns[2], bareWrite)}×`,
  );
  console.log(`announcements to the whole cohort: ${ms(announceSends.cohort)}`);
  console.log(
    `announcements to its at-risk learners (${atRiskRecipients ?? '?'} recipients each): ${ms(announceSends.atRisk)}`,
  );
}
console.log(
  'Targets (issue 18): progress event ≥ 0.9× the bare write with p99 ≤ 40 ms and no errors; batches of 20 ≥ 15,000 events/s; course page ≥ 0.6× the bare read, p95 ≤ 15 ms at 300 req/s; opening a lesson ≥ 1,500 req/s.',
);
if (REPORT_LEARNERS > 0) {
  console.log(
    `\nReports at ${REPORT_LEARNERS.toLocaleString('en')} learners (npm run bench:reports; BENCH_REPORT_LEARNERS chooses the size):\n`,
  );
  console.log(reportOutput.trim());
}
