// `npm run soak -- --minutes N` (default 30): Dari's production build on PostgreSQL (embedded, or
// DATABASE_URL) under a steady, bounded mix of learners for N minutes — My learning, the course page,
// a lesson, progress events (batches of 1–5, as a phone flushes its outbox) and now and then a quiz —
// with the load tool of `npm run bench` (autocannon on loopback). Every minute it prints the API's
// memory (RSS and heap, from its own /metrics), p50/p99 per route and the errors, beside the load
// average. What to look for: memory that keeps growing, latency that drifts up, any error.
// Options: --minutes N, --learners N (default 200), --rate N requests per second in all (default 100).
import autocannon from 'autocannon';
import { randomInt, randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { json, jsonPoster, openBenchDatabase, startDari } from './bench-server.mjs';
import { buildIfNeeded } from './build-if-needed.mjs';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    learners: { type: 'string', default: '200' },
    rate: { type: 'string', default: '100' },
  },
});
const MINUTES = Number(args.minutes);
const LEARNERS = Number(args.learners);
const RATE = Number(args.rate);
for (const [name, v] of [
  ['--minutes', MINUTES],
  ['--learners', LEARNERS],
  ['--rate', RATE],
])
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
const PASSWORD = 'soak-demo-passphrase';
const slug = 'human-rights-basics';
buildIfNeeded();

const { url, embedded } = await openBenchDatabase('dari-soak');
const port = Number(process.env.SOAK_PORT ?? 3950 + Math.floor(Math.random() * 40));
const metricsPort = port + 1000;
const base = `http://127.0.0.1:${port}`;
const server = await startDari({
  url,
  port,
  password: PASSWORD,
  env: {
    DARI_METRICS_PORT: String(metricsPort),
    DARI_LOGIN_MAX_FAILURES_PER_IP: '1000000',
    DARI_LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000',
  },
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
  await embedded?.destroy();
};
process.once('SIGINT', () => void stop().then(() => process.exit(130)));

let errors = 0;
// Whatever happens below, the server and its database are stopped (a crash must not leave them running).
try {
  const post = jsonPoster(base);
  const cookieOf = (res) => res.headers.get('set-cookie').split(';')[0];
  const adminCookie = cookieOf(await post('/api/v1/auth/login', { username: 'demo.admin', password: PASSWORD }));

  // The course as the learners' phones see it: its lessons, and the first quiz with answers to give.
  const course = await (await fetch(`${base}/api/v1/courses/${slug}`, { headers: { cookie: adminCookie } })).json();
  const lessons = course.modules.flatMap((m) => m.lessons);
  const readings = lessons.filter((l) => l.kind !== 'quiz');
  const quizLesson = lessons.find((l) => l.kind === 'quiz');

  // Learners, made and signed in four at a time (argon2 is the cost); each enrols and finishes the
  // lessons before the first quiz, so that quiz is open to them on a sequential course.
  const setupStart = performance.now();
  const cookies = new Array(LEARNERS);
  const beforeQuiz = quizLesson ? lessons.slice(0, lessons.indexOf(quizLesson)) : readings;
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = next++; i < LEARNERS; i = next++) {
        const username = `soak.${process.pid}.${i}`;
        const made = await post(
          '/api/v1/admin/users',
          { username, displayName: `소크 ${i}`, role: 'learner', password: PASSWORD },
          adminCookie,
        );
        if (made.status !== 201) throw new Error(`creating a learner answered ${made.status}`);
        const cookie = cookieOf(await post('/api/v1/auth/login', { username, password: PASSWORD }));
        await post(`/api/v1/courses/${slug}/enrol`, {}, cookie);
        const done = beforeQuiz.map((l) => ({
          id: randomUUID(),
          lessonId: l.id,
          type: 'completed',
          occurredAt: new Date().toISOString(),
        }));
        if (done.length) await post('/api/v1/progress/events', { events: done }, cookie);
        cookies[i] = cookie;
      }
    }),
  );
  let quizAnswers;
  if (quizLesson) {
    const res = await fetch(`${base}/api/v1/courses/${slug}/lessons/${quizLesson.id}`, {
      headers: { cookie: cookies[0] },
    });
    const lesson = await res.json();
    quizAnswers = Object.fromEntries(
      lesson.lesson.content.questions.map((q) => [
        q.key,
        q.type === 'true_false' ? true : q.type === 'short_answer' ? '소크 답' : [q.options[0].key],
      ]),
    );
  }
  process.stderr.write(
    `[soak] ${LEARNERS} learners ready in ${((performance.now() - setupStart) / 1000).toFixed(0)} s; ${MINUTES} min at ${RATE} req/s\n`,
  );

  let turn = 0;
  const nextCookie = () => cookies[turn++ % cookies.length];
  const now = () => new Date().toISOString();
  const simpleEvent = () => {
    const l = readings[randomInt(readings.length)];
    const r = randomInt(10);
    const e = { id: randomUUID(), lessonId: l.id, occurredAt: now() };
    if (r < 5) return { ...e, type: 'time_spent', seconds: 1 + randomInt(120) };
    if (r < 8) return { ...e, type: 'position', position: randomInt(5000) };
    return { ...e, type: 'viewed' };
  };
  const get = (path) => ({
    method: 'GET',
    path,
    setupRequest: (req) => ({ ...req, headers: { cookie: nextCookie() } }),
  });
  const postEvents = (events) => ({
    method: 'POST',
    path: '/api/v1/progress/events',
    setupRequest: (req) => ({
      ...req,
      headers: { ...json, cookie: nextCookie() },
      body: JSON.stringify({ events: events() }),
    }),
  });

  // The mix: shares of RATE. Reads of a lesson pick one of the course's lessons at random.
  const routes = [
    { name: 'my learning', share: 0.15, requests: [get('/api/v1/me/learning')] },
    { name: 'course page', share: 0.25, requests: [get(`/api/v1/courses/${slug}/progress`)] },
    {
      name: 'lesson',
      share: 0.2,
      requests: [
        {
          method: 'GET',
          path: '/',
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/courses/${slug}/lessons/${lessons[randomInt(lessons.length)].id}`,
            headers: { cookie: nextCookie() },
          }),
        },
      ],
    },
    {
      name: 'progress events',
      share: quizLesson ? 0.37 : 0.4,
      requests: [postEvents(() => Array.from({ length: 1 + randomInt(5) }, simpleEvent))],
    },
    ...(quizLesson
      ? [
          {
            name: 'quiz',
            share: 0.03,
            requests: [
              postEvents(() => [
                {
                  id: randomUUID(),
                  lessonId: quizLesson.id,
                  type: 'quiz_submitted',
                  answers: quizAnswers,
                  occurredAt: now(),
                },
              ]),
            ],
          },
        ]
      : []),
  ];

  const runMinute = (route, seconds) =>
    new Promise((resolve, reject) => {
      const rate = Math.max(1, Math.round(RATE * route.share));
      autocannon(
        {
          url: base,
          duration: seconds,
          overallRate: rate,
          connections: Math.max(2, Math.ceil(rate / 20)),
          requests: route.requests,
        },
        (err, r) => (err ? reject(err) : resolve(r)),
      );
    });

  async function scrape() {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const value = (name) => Number(new RegExp(`^${name} ([\\d.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
    const events = (outcome) =>
      Number(
        new RegExp(`^dari_progress_events_total\\{outcome="${outcome}"\\} ([\\d.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN,
      );
    return {
      rss: value('process_resident_memory_bytes') / 2 ** 20,
      heap: value('nodejs_heap_size_used_bytes') / 2 ** 20,
      lag: value('nodejs_eventloop_lag_p99_seconds') * 1000,
      waiting: value('dari_db_pool_waiting_requests'),
      stored: events('stored'),
      duplicate: events('duplicate'),
      refused: events('refused'),
    };
  }

  const header = [
    'min',
    'RSS MiB',
    'heap MiB',
    'load 1m',
    ...routes.map((r) => `${r.name} p50/p99 ms`),
    'req/s',
    'errors',
  ];
  const rows = [];
  const widths = header.map((h) => h.length);
  const print = (cells) => console.log(`| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`);
  console.log(
    `\nDari soak: ${MINUTES} min, ${LEARNERS} learners, ${RATE} req/s (${routes.map((r) => `${r.name} ${Math.round(r.share * 100)} %`).join(', ')}); ${os.cpus().length} cores, Node ${process.version}, PostgreSQL ${embedded ? '18 embedded' : 'DATABASE_URL'}\n`,
  );
  print(header);
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  const first = await scrape();
  for (let minute = 1; minute <= MINUTES; minute++) {
    const results = await Promise.all(routes.map((r) => runMinute(r, 60)));
    const m = await scrape();
    const wrong = results.reduce((n, r) => n + r.errors + r.non2xx, 0);
    errors += wrong;
    const row = [
      minute,
      m.rss.toFixed(0),
      m.heap.toFixed(0),
      os.loadavg()[0].toFixed(1),
      ...results.map((r) => `${r.latency.p50} / ${r.latency.p99}`),
      results.reduce((n, r) => n + r.requests.average, 0).toFixed(0),
      wrong,
    ];
    rows.push({ row, m });
    print(row);
  }
  const last = rows.at(-1).m;
  console.log(
    `\nRSS ${first.rss.toFixed(0)} MiB after setup → ${last.rss.toFixed(0)} MiB (heap ${first.heap.toFixed(0)} → ${last.heap.toFixed(0)} MiB); ` +
      `progress events stored ${last.stored - first.stored}, duplicate ${last.duplicate - first.duplicate}, refused ${last.refused - first.refused}; ` +
      `event-loop delay p99 at the end ${last.lag.toFixed(1)} ms; pool waiting at the end ${last.waiting}; errors ${errors}`,
  );
} finally {
  await stop();
}
process.exitCode = errors ? 1 : 0;
