// `npm run seed:load -- --learners 100000 [--manager <username>]`: grows a synthetic program ("bench
// cohort" with one 40-lesson course, N learners with random progress) in the database `npm start`
// uses (DATABASE_URL, or the embedded one in the data folder). With --manager, that existing account
// manages the cohort, so its dashboard shows the program. For trying reports at scale; never on real data.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadProgram } from './load-data.js';

// The built API (decorator metadata needs tsc), typed by its sources.
const dist = (p: string) => path.join(import.meta.dirname, '..', 'dist', p);
const { openDatabase, say } = (await import(dist('cli/database.js'))) as typeof import('../src/cli/database.js');
const { runMigrations } = (await import(dist('database/migrate.js'))) as typeof import('../src/database/migrate.js');
const { dataSourceOptions } = (await import(dist('data-source.js'))) as typeof import('../src/data-source.js');

const { values } = parseArgs({
  options: { learners: { type: 'string', default: '1000' }, manager: { type: 'string' } },
});
const learners = Number(values.learners);
if (!Number.isInteger(learners) || learners < 1 || learners > 1_000_000) {
  process.stderr.write('--learners must be a whole number from 1 to 1000000\n');
  process.exit(2);
}
const { url, embedded } = await openDatabase({ reuseRunning: true });
await seed().finally(() => embedded?.stop());

async function seed(): Promise<void> {
  await runMigrations(url);
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  try {
    let managerId: string | null = null;
    if (values.manager) {
      const row = (
        await db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = $1 AND role IN ('manager', 'admin')`, [
          values.manager,
        ])
      ).at(0);
      if (!row) {
        process.stderr.write('--manager: no manager or admin account has that username\n');
        process.exitCode = 2;
        return;
      }
      managerId = row.id;
    }
    const t0 = performance.now();
    const p = await loadProgram(db, learners, managerId, {
      onBatch: (n, s) => say(`${n} / ${learners} learners (batch ${s.toFixed(1)} s)`),
    });
    say(
      `bench cohort ${p.cohortId} now holds ${p.learners} learners (course ${p.courseId}); ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.destroy();
  }
}
