// `npm run restore -- <archive> [--force]`: a backup into an empty database (embedded or DATABASE_URL)
// and media folder. See docs/operations.md "Backups".
import { parseArgs } from 'node:util';
import { restoreBackup, restoreKeysFromEnv } from '../backup/index.js';
import { loadConfig } from '../config/app-config.js';
import { openDatabase, say } from './database.js';
import { progressLine } from './progress.js';

const { values, positionals } = parseArgs({
  options: { force: { type: 'boolean', default: false } },
  allowPositionals: true,
});

async function main(): Promise<void> {
  if (positionals.length !== 1)
    throw new Error('give one archive: npm run restore -- backups/dari-….dari.age [--force]');
  const keys = restoreKeysFromEnv(process.env);
  const { url, embedded } = await openDatabase({ reuseRunning: true });
  try {
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' }, url);
    const progress = process.stderr.isTTY ? progressLine('restore') : undefined;
    const r = await restoreBackup({
      archive: positionals[0],
      databaseUrl: url,
      mediaDir: config.mediaDir,
      keys,
      force: values.force,
      onProgress: progress
        ? (p) => progress(p.phase === 'verify' ? 'checking' : 'restoring', p.bytes, p.total)
        : undefined,
    });
    progress?.(undefined);
    const m = r.manifest;
    say(`restored the backup of ${m.createdAt} (Dari ${m.dariVersion}, PostgreSQL ${m.database.serverVersion}):`);
    say(
      `  database: ${r.tables} tables, ${r.rows} rows, every table's count as in the backup ` +
        `(${m.database.format === 'native' ? 'native format: schema from the migrations, rows by COPY' : `pg_dump ${m.database.pgDumpVersion}`})`,
    );
    say(`  media: ${r.mediaFiles} files, ${(r.mediaBytes / 1e6).toFixed(1)} MB, into ${config.mediaDir}`);
    say(`  checksums: all ${m.entries.length} entries match the manifest`);
    say(
      r.migrationsRun.length
        ? `  migrations newer than the backup, run now: ${r.migrationsRun.join(', ')}`
        : `  schema: ${m.database.latestMigration ?? 'empty'}, current (no newer migrations)`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((e: unknown) => {
  const detail = e instanceof Error ? (process.env.DARI_DEBUG ? e.stack : e.message) : String(e);
  process.stderr.write(`[dari] restore failed: ${detail}\n`);
  process.exit(1);
});
