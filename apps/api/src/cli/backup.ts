// `npm run backup [-- --out FILE | --dir FOLDER] [--keep N] [--format native|pgdump]`: one encrypted
// archive of the database (embedded or DATABASE_URL) and the media folder. See docs/operations.md "Backups".
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MEDIA_PREFIX, backupKeysFromEnv, createBackup, type BackupProgress } from '../backup/index.js';
import { loadConfig } from '../config/app-config.js';
import { PROJECT_ROOT, openDatabase, say } from './database.js';
import { progressLine } from './progress.js';

const ARCHIVE = /^dari-\d{8}T\d{6}Z\.dari\.age$/;

const { values } = parseArgs({
  options: { out: { type: 'string' }, dir: { type: 'string' }, keep: { type: 'string' }, format: { type: 'string' } },
});

async function main(): Promise<void> {
  const keys = backupKeysFromEnv(process.env); // before anything else: no key, no backup
  const keep = values.keep === undefined ? undefined : Number(values.keep);
  if (keep !== undefined && (!Number.isInteger(keep) || keep < 1))
    throw new Error(`--keep must be a whole number of archives, 1 or more (it is "${values.keep}")`);
  const format = values.format;
  if (format !== undefined && format !== 'native' && format !== 'pgdump')
    throw new Error(
      `--format is native or pgdump (it is "${format}"); without it, pg_dump when a fitting one is found`,
    );
  const dir = path.resolve(PROJECT_ROOT, values.dir ?? process.env.DARI_BACKUP_DIR ?? 'backups');
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const out = values.out ? path.resolve(values.out) : path.join(dir, `dari-${stamp}.dari.age`);
  await fs.mkdir(path.dirname(out), { recursive: true, mode: 0o700 });

  const { url, embedded } = await openDatabase({ reuseRunning: true });
  try {
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' }, url);
    const progress = process.stderr.isTTY ? progressLine('backup') : undefined;
    const started = Date.now();
    const { manifest, archiveBytes } = await createBackup({
      databaseUrl: url,
      mediaDir: config.mediaDir,
      out,
      keys,
      dariVersion: config.version,
      format,
      onProgress: progress
        ? (p: BackupProgress) => progress(p.phase === 'dump' ? 'database' : 'archive', p.bytes, p.total)
        : undefined,
    });
    progress?.(undefined);
    const rows = Object.values(manifest.database.tables).reduce((s, n) => s + n, 0);
    say(
      `backup written: ${out} (${(archiveBytes / 1e6).toFixed(1)} MB, encrypted to ${keys.recipient ? 'the recipient key' : 'the passphrase'}; ` +
        `${Object.keys(manifest.database.tables).length} tables, ${rows} rows, ${manifest.entries.filter((e) => e.path.startsWith(MEDIA_PREFIX)).length} media files, ` +
        `schema ${manifest.database.latestMigration ?? 'empty'}; database ${manifest.database.format === 'native' ? 'in the native format' : `by pg_dump ${manifest.database.pgDumpVersion}`}; ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    if (keep !== undefined && !values.out) {
      const old = (await fs.readdir(dir)).filter((n) => ARCHIVE.test(n)).sort();
      for (const name of old.slice(0, Math.max(0, old.length - keep))) {
        await fs.rm(path.join(dir, name));
        say(`removed the older backup ${name} (--keep ${keep})`);
      }
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((e: unknown) => {
  const detail = e instanceof Error ? (process.env.DARI_DEBUG ? e.stack : e.message) : String(e);
  process.stderr.write(`[dari] backup failed: ${detail}\n`);
  process.exit(1);
});
