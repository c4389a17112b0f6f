// `npm run migrations:timed -- --learners 100000`: how long each migration takes on the load data
// (docs/operations.md "Upgrades"). On a throw-away database — a new embedded cluster, or a new database
// on the server of DATABASE_URL, dropped at the end; never the database itself — it
//   1. runs every migration from empty, one at a time, timing each;
//   2. fills it with `npm run seed:load -- --learners N` (the synthetic programme);
//   3. takes migrations back, newest first, as long as a migration's `down` and then `up` leave every
//      table's row count as it was (tried in a transaction that is rolled back first: counters may be
//      dropped and rebuilt, the load must stay); the first one that would lose rows, or fails, stays,
//      and so do all before it;
//   4. runs those migrations again, one at a time, timing each on the loaded data.
// Migrations below the line of step 3 made the tables the load lives in: their time is from empty only.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { learners: { type: 'string', default: '100000' } } });
const LEARNERS = Number(args.learners);
if (!Number.isInteger(LEARNERS) || LEARNERS < 1) throw new Error('--learners must be a whole number');
buildIfNeeded();

const dist = (p) => path.join(root, 'apps/api/dist', p);
const { DataSource } = await import('typeorm');
const { connectionOptions } = await import(dist('database/data-source.js'));
const { MIGRATIONS } = await import(dist('database/migrations/index.js'));
const say = (s) => process.stderr.write(`[migrations:timed] ${s}\n`);

// A database of our own.
const name = `dari_migrations_timed_${process.pid}`;
let serverUrl = process.env.DATABASE_URL;
let embedded;
if (!serverUrl) {
  const { EmbeddedPostgres } = await import(dist('database/embedded-postgres.js'));
  embedded = await EmbeddedPostgres.start({
    baseDir: path.join(os.tmpdir(), `dari-migrations-timed-${process.pid}`),
    ephemeral: true,
  });
  serverUrl = embedded.url;
}
const admin = async (sql) => {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
};
await admin(`CREATE DATABASE ${name}`);
const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const version = (await admin('SHOW server_version')).rows[0].server_version;

const seconds = (t0) => (performance.now() - t0) / 1000;
/** Runs the one pending migration among the first k + 1; its wall time. */
async function upTo(k) {
  const ds = new DataSource({ ...connectionOptions(url, 2), migrations: MIGRATIONS.slice(0, k + 1) });
  await ds.initialize();
  try {
    const t0 = performance.now();
    const ran = await ds.runMigrations({ transaction: 'each' });
    const s = seconds(t0);
    if (ran.length !== 1 || ran[0].name !== MIGRATIONS[k].name)
      throw new Error(`expected to run ${MIGRATIONS[k].name}, ran ${ran.map((m) => m.name).join(', ') || 'nothing'}`);
    return s;
  } finally {
    await ds.destroy();
  }
}

const rows = MIGRATIONS.map((m) => ({ name: m.name, empty: 0, loaded: undefined, down: undefined, before: undefined }));
try {
  say(`PostgreSQL ${version}${embedded ? ' (embedded)' : ''}, database ${name}`);
  for (let k = 0; k < MIGRATIONS.length; k++) rows[k].empty = await upTo(k);

  say(`seed:load --learners ${LEARNERS}…`);
  const t0 = performance.now();
  const seed = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    ['scripts/seed-load.ts', '--learners', String(LEARNERS)],
    {
      cwd: path.join(root, 'apps/api'),
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const code = await new Promise((r) => seed.once('exit', r));
  if (code !== 0) throw new Error(`seed:load exited with code ${code}`);
  const seedSeconds = seconds(t0);

  const ds = new DataSource(connectionOptions(url, 2));
  await ds.initialize();
  const size = (await ds.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`))[0].s;
  // Every table's exact row count (not the statistics' estimate), to see that a down and up keep the data.
  const counts = async (q) => {
    const tables = (await q.query(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map(
      (r) => r.t,
    );
    const n = {};
    for (const t of tables) n[t] = Number((await q.query(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`))[0].n);
    return n;
  };
  const loadedCounts = await counts(ds.manager);
  const big = Object.entries(loadedCounts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([t, n]) => ({ t, n }));
  const changed = (a, b) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .filter((t) => a[t] !== b[t])
      .map((t) => `${t} ${a[t] ?? '—'} → ${b[t] ?? '—'}`);

  // Back, newest first, while a migration's down and up again leave every table's rows as they were
  // (tried first in a transaction that is rolled back): derived rows (counters) may be dropped and
  // rebuilt, the load itself must stay.
  let stop = MIGRATIONS.length;
  let stopReason = '';
  const instances = ds.migrations;
  for (let k = MIGRATIONS.length - 1; k >= 0; k--) {
    const migration = instances[k];
    const before = await counts(ds.manager);
    if (migration.transaction !== false) {
      const qr = ds.createQueryRunner();
      await qr.startTransaction();
      let why = '';
      try {
        await migration.down(qr);
        await migration.up(qr);
        const diff = changed(before, await counts(qr));
        if (diff.length) why = `its down and up change the load's rows (${diff.slice(0, 3).join(', ')})`;
      } catch (e) {
        why = `its down or up failed: ${e.message}`;
      } finally {
        await qr.rollbackTransaction();
        await qr.release();
      }
      if (why) {
        stopReason = `${MIGRATIONS[k].name}: ${why}`;
        break;
      }
    }
    const t1 = performance.now();
    await ds.undoLastMigration({ transaction: 'each' });
    rows[k].down = seconds(t1);
    stop = k;
    rows[k].before = before;
  }
  await ds.destroy();
  for (let k = stop; k < MIGRATIONS.length; k++) {
    rows[k].loaded = await upTo(k);
    const check = new DataSource(connectionOptions(url, 1));
    await check.initialize();
    const diff = changed(rows[k].before, await counts(check.manager));
    await check.destroy();
    if (diff.length) throw new Error(`${MIGRATIONS[k].name} taken back and run again changed rows: ${diff.join(', ')}`);
  }

  const fmt = (s) => (s === undefined ? '—' : s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(1)} s`);
  console.log(
    `\nMigrations on PostgreSQL ${version}${embedded ? ' (embedded)' : ''}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}; seed:load --learners ${LEARNERS} took ${seedSeconds.toFixed(0)} s, database ${size}; largest tables: ${big
      .map((b) => `${b.t} ${Number(b.n).toLocaleString('en')}`)
      .join(', ')}\n`,
  );
  const table = [
    ['migration', 'from empty', 'on the load', 'its down on the load'],
    ...rows.map((r) => [r.name, fmt(r.empty), fmt(r.loaded), fmt(r.down)]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const [i, r] of table.entries()) {
    console.log(`| ${r.map((c, j) => c.padEnd(widths[j])).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  }
  console.log(
    stop > 0
      ? `\nNot timed on the load (they made the tables it lives in): the first ${stop}. Stopped at ${stopReason}.`
      : '\nEvery migration was timed on the load.',
  );
} finally {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e) => say(`could not drop ${name}: ${e.message}`));
  await embedded?.destroy();
}
