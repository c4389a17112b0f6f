// `npm run bench:reports [-- --sizes 1000,10000,100000]`: report timings at growing program sizes.
// Uses the built API (npm run build first; decorator metadata needs tsc), the embedded PostgreSQL
// (or DATABASE_URL), and Fastify's inject (the whole HTTP stack in one process, no network).
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadProgram } from './load-data.js';

// The built API, typed by its sources.
const dist = (p: string) => path.join(import.meta.dirname, '..', 'dist', p);
const { createApp } = (await import(dist('app.factory.js'))) as typeof import('../src/app.factory.js');
const { loadConfig } = (await import(dist('config/app-config.js'))) as typeof import('../src/config/app-config.js');
const { runMigrations } = (await import(dist('database/migrate.js'))) as typeof import('../src/database/migrate.js');
const { EmbeddedPostgres } = (await import(
  dist('database/embedded-postgres.js')
)) as typeof import('../src/database/embedded-postgres.js');
const { ensureDatabase } = (await import(
  dist('database/database-url.js')
)) as typeof import('../src/database/database-url.js');
const { UsersService } = (await import(dist('users/index.js'))) as typeof import('../src/users/index.js');

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000,100000' }, runs: { type: 'string', default: '15' } },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

let embedded: Awaited<ReturnType<typeof EmbeddedPostgres.start>> | undefined;
let url = process.env.DATABASE_URL;
if (!url) {
  embedded = await EmbeddedPostgres.start({
    baseDir: path.join(os.tmpdir(), `dari-bench-${process.pid}`),
    ephemeral: true,
  });
  url = await ensureDatabase(embedded.url, 'dari_bench');
} else {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.end();
}
await runMigrations(url);
const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', DARI_LOGIN_MAX_FAILURES_PER_IP: '100000' }, url), {});
const db = app.get(DataSource);
const users = app.get(UsersService);
const username = `bench.manager.${Date.now()}`;
const manager = await users.create(
  { username, displayName: 'Bench manager', role: 'manager', locale: 'ko', password: 'bench manager passphrase' },
  null,
);
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  headers: { 'content-type': 'application/json', 'x-dari-client': 'web' },
  payload: JSON.stringify({ username, password: 'bench manager passphrase' }),
});
const cookie = String(login.headers['set-cookie']).split(';')[0];

async function time(url: string, as = cookie): Promise<{ p50: number; p95: number; bytes: number }> {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie: as } });
    ms.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    bytes = res.rawPayload.length;
  }
  ms.sort((a, b) => a - b);
  return {
    p50: ms[Math.floor(ms.length / 2)],
    p95: ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)],
    bytes,
  };
}

const admin = await users.create(
  {
    username: `${username}.admin`,
    displayName: 'Bench admin',
    role: 'admin',
    locale: 'ko',
    password: 'bench manager passphrase',
  },
  null,
);
const adminLogin = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  headers: { 'content-type': 'application/json', 'x-dari-client': 'web' },
  payload: JSON.stringify({ username: admin.user.username, password: 'bench manager passphrase' }),
});
const adminCookie = String(adminLogin.headers['set-cookie']).split(';')[0];

const table: string[][] = [
  [
    'learners',
    'program summary',
    'cohort page (50)',
    'deep page (cursor)',
    'deep page (offset)',
    'at-risk page',
    'at-risk page (past due)',
    'course funnel',
    'program summary (admin)',
    'cohort CSV export (full)',
  ],
];
for (const size of sizes) {
  const t0 = performance.now();
  const p = await loadProgram(db, size, manager.user.id);
  process.stderr.write(`loaded ${size} learners in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const program = await time('/api/v1/reports/program');
  const page = await time(`/api/v1/reports/cohorts/${p.cohortId}?pageSize=50`);
  // Page 100 (or the middle of a smaller cohort): by cursor as the web app pages, and by the old offset.
  const depth = Math.max(1, Math.floor(size / 100));
  const mark =
    depth === 1
      ? undefined
      : (
          await db.query<{ id: string }[]>(
            `SELECT u.id FROM cohort_members m JOIN users u ON u.id = m.user_id WHERE m.cohort_id = $1 AND m.role = 'learner' ORDER BY u.display_name, u.id OFFSET $2 LIMIT 1`,
            [p.cohortId, (depth - 1) * 50 - 1],
          )
        ).at(0);
  const deep = await time(`/api/v1/reports/cohorts/${p.cohortId}?pageSize=50${mark ? `&after=${mark.id}` : ''}`);
  const offset = await time(`/api/v1/reports/cohorts/${p.cohortId}?pageSize=50&page=${depth}`);
  const risky = await time(`/api/v1/reports/cohorts/${p.cohortId}?pageSize=50&atRisk=true`);
  // The same with the course past its due date (every learner still active in it is at risk), then back.
  await db.query(`UPDATE cohort_courses SET due_on = current_date - 1 WHERE cohort_id = $1 AND course_id = $2`, [
    p.cohortId,
    p.courseId,
  ]);
  const riskyDue = await time(`/api/v1/reports/cohorts/${p.cohortId}?pageSize=50&atRisk=true`).finally(() =>
    db.query(`UPDATE cohort_courses SET due_on = current_date + 30 WHERE cohort_id = $1 AND course_id = $2`, [
      p.cohortId,
      p.courseId,
    ]),
  );
  const course = await time(`/api/v1/reports/courses/${p.courseId}`);
  const adminProgram = await time('/api/v1/reports/program', adminCookie);
  const t1 = performance.now();
  const csv = await app.inject({
    method: 'GET',
    url: `/api/v1/reports/cohorts/${p.cohortId}/export`,
    headers: { cookie },
  });
  const csvMs = performance.now() - t1;
  const rows = csv.body.split('\n').length - 2;
  const f = (x: { p50: number; p95: number }) => `${x.p50.toFixed(1)} / ${x.p95.toFixed(1)} ms`;
  table.push([
    String(size),
    f(program),
    f(page),
    f(deep),
    f(offset),
    f(risky),
    f(riskyDue),
    f(course),
    f(adminProgram),
    `${(csvMs / 1000).toFixed(2)} s (${rows} rows, ${(csv.rawPayload.length / 1e6).toFixed(1)} MB)`,
  ]);
}
process.stdout.write(
  `\nReport timings (p50 / p95 over ${runs} runs; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; PostgreSQL ${embedded ? '18 embedded' : 'DATABASE_URL'})\n\n`,
);
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
for (const [i, r] of table.entries()) {
  process.stdout.write(`| ${r.map((c, j) => c.padEnd(widths[j])).join(' | ')} |\n`);
  if (i === 0) process.stdout.write(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
}
process.stdout.write('\nTargets: summaries ≤ 100 ms, a page of 50 learners ≤ 50 ms, a full CSV export ≤ 10 s.\n');
await app.close();
await embedded?.destroy();
