import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { runMigrations, withStartupLock } from '../database/migrate.js';
import { KNOWN_MIGRATIONS } from '../database/schema-state.js';
import {
  ARCHIVE_FORMAT_VERSION,
  ArchiveError,
  DUMP_ENTRY,
  Hashing,
  MANIFEST_ENTRY,
  MEDIA_PREFIX,
  NATIVE_PREFIX,
  RestoreRefused,
  manifestSchema,
  readArchive,
  type BackupManifest,
  type Entry,
  type ManifestEntry,
} from './archive.js';
import { emptyPublicSchema, serverVersion, tableCounts, userRelations } from './backup.queries.js';
import type { BackupKeys } from './keys.js';
import { NativeLoad } from './native-load.js';
import { findPgTool, pgConnection } from './pg-tools.js';

export { RestoreRefused } from './archive.js';

export interface RestoreProgress {
  phase: 'verify' | 'restore';
  bytes: number;
  total: number;
}

export interface RestoreOptions {
  archive: string;
  databaseUrl: string;
  mediaDir: string;
  keys: BackupKeys;
  /** Delete what the database's public schema and the media folder hold first. */
  force?: boolean;
  onProgress?: (p: RestoreProgress) => void;
  env?: Record<string, string | undefined>;
}

export interface RestoreResult {
  manifest: BackupManifest;
  tables: number;
  rows: number;
  mediaFiles: number;
  mediaBytes: number;
  /** Migrations newer than the backup, run after restoring it. */
  migrationsRun: string[];
}

/** Media paths as the archive holds them: relative, no `..`, no absolute path. */
function safeMediaPath(name: string): string {
  const rel = name.slice(MEDIA_PREFIX.length);
  const parts = rel.split('/');
  if (!rel || parts.some((p) => p === '' || p === '.' || p === '..') || rel.includes('\\'))
    throw new ArchiveError(`the archive holds a media entry with an unsafe name: ${name}`);
  return rel;
}

/** Pass 1: decrypt everything, hash every entry, read the manifest and check they agree. Writes nothing. */
async function verify(o: RestoreOptions, total: number): Promise<BackupManifest> {
  const seen = new Map<string, ManifestEntry>();
  let manifestText: string | undefined;
  let read = 0;
  await readArchive(
    o.archive,
    o.keys,
    async (entry) => {
      if (entry.header.name === MANIFEST_ENTRY) {
        const chunks: Buffer[] = [];
        for await (const c of entry) chunks.push(c as Buffer);
        manifestText = Buffer.concat(chunks).toString('utf8');
        return;
      }
      const hash = createHash('sha256');
      let size = 0;
      for await (const c of entry) {
        hash.update(c as Buffer);
        size += (c as Buffer).length;
      }
      seen.set(entry.header.name, { path: entry.header.name, size, sha256: hash.digest('hex') });
    },
    (n) => o.onProgress?.({ phase: 'verify', bytes: (read += n), total }),
  );
  if (!manifestText) throw new ArchiveError('the archive has no manifest: it is not a complete Dari backup');
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestText);
  } catch {
    throw new ArchiveError('the archive’s manifest is not readable JSON');
  }
  const checked = manifestSchema.safeParse(parsed);
  if (!checked.success) throw new ArchiveError('this file is not a Dari backup (its manifest is not one)');
  const manifest = checked.data;
  const problems: string[] = [];
  for (const e of manifest.entries) {
    const got = seen.get(e.path);
    if (!got) problems.push(`${e.path}: missing`);
    else if (got.sha256 !== e.sha256 || got.size !== e.size) problems.push(`${e.path}: checksum differs`);
  }
  const listed = new Set(manifest.entries.map((e) => e.path));
  for (const p of seen.keys()) if (!listed.has(p)) problems.push(`${p}: not in the manifest`);
  const db = manifest.database;
  if (db.format === 'pgdump' && !seen.has(DUMP_ENTRY)) problems.push(`${DUMP_ENTRY}: missing`);
  if (db.format === 'native') {
    if (!db.native) problems.push('the manifest describes no native dump');
    for (const t of db.native?.tables ?? [])
      if (!seen.has(t.entry) || !t.entry.startsWith(NATIVE_PREFIX)) problems.push(`${t.entry}: missing`);
  }
  if (problems.length)
    throw new ArchiveError(`the archive does not match its manifest (${problems.slice(0, 5).join('; ')})`);
  if (manifest.formatVersion > Math.max(...Object.values(ARCHIVE_FORMAT_VERSION)))
    throw new RestoreRefused(
      `this backup comes from a newer Dari (${manifest.dariVersion}; archive format ${manifest.formatVersion}): ` +
        'restore it with that version or a later one',
    );
  const known = new Set(KNOWN_MIGRATIONS);
  const newer = manifest.database.migrations.filter((m) => !known.has(m));
  if (newer.length)
    throw new RestoreRefused(
      `this backup comes from a newer Dari (${manifest.dariVersion}; migrations ${newer.join(', ')} are unknown here): ` +
        'restore it with that version or a later one',
    );
  return manifest;
}

async function mediaDirHasFiles(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir)).some((n) => n !== '.incoming');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/**
 * Restores a backup into an empty database (and media folder): verifies every checksum first,
 * then the database in one transaction (pg_restore, or the native format's load: see NativeLoad),
 * then the per-table counts, then runs newer migrations.
 */
export async function restoreBackup(o: RestoreOptions): Promise<RestoreResult> {
  const env = o.env ?? process.env;
  const total = (await fs.stat(o.archive)).size;
  const manifest = await verify(o, total);
  const native = manifest.database.format === 'native';

  const client = new pg.Client({ connectionString: o.databaseUrl, application_name: 'dari-restore' });
  await client.connect();
  let mediaFiles = 0;
  let mediaBytes = 0;
  const written: string[] = [];
  try {
    const server = await serverVersion(client);
    let pgRestore: ReturnType<typeof findPgTool> | undefined;
    if (!native) {
      const dumpMajor = Number(/^\d+/.exec(manifest.database.pgDumpVersion ?? '')?.[0] ?? server.major);
      pgRestore = findPgTool('pg_restore', Math.max(dumpMajor, server.major), env);
    }
    const relations = await userRelations(client);
    const mediaBusy = await mediaDirHasFiles(o.mediaDir);
    if ((relations > 0 || mediaBusy) && !o.force)
      throw new RestoreRefused(
        `the target is not empty (${relations > 0 ? `the database has ${relations} tables, sequences or views` : ''}` +
          `${relations > 0 && mediaBusy ? '; ' : ''}${mediaBusy ? `the media folder ${o.mediaDir} has files` : ''}). ` +
          'Restore into a new, empty database, or add --force to delete what is there first. Nothing was changed.',
      );
    if (o.force) {
      if (relations > 0) await emptyPublicSchema(client);
      if (mediaBusy)
        for (const n of await fs.readdir(o.mediaDir))
          await fs.rm(path.join(o.mediaDir, n), { recursive: true, force: true });
    }
    await fs.mkdir(o.mediaDir, { recursive: true });

    // Pass 2: the database in one transaction (all or nothing), media into the folder. A Dari starting
    // meanwhile waits (the start-up lock) instead of migrating the half-restored database.
    await withStartupLock(o.databaseUrl, async () => {
      const load = native ? await NativeLoad.begin(o.databaseUrl, manifest) : undefined;
      let read = 0;
      try {
        await readArchive(
          o.archive,
          o.keys,
          async (entry) => {
            const name = entry.header.name;
            if (name === DUMP_ENTRY && pgRestore) await runPgRestore(pgRestore.path, o.databaseUrl, entry);
            else if (load && name.startsWith(NATIVE_PREFIX)) await load.table(name, Readable.from(entry));
            else if (name.startsWith(MEDIA_PREFIX)) {
              const rel = safeMediaPath(name);
              const dest = path.join(o.mediaDir, ...rel.split('/'));
              await fs.mkdir(path.dirname(dest), { recursive: true });
              const tmp = `${dest}.restore-${randomBytes(4).toString('hex')}`;
              const hashing = new Hashing();
              await pipeline(Readable.from(entry), hashing, createWriteStream(tmp, { mode: 0o600 }));
              const want = manifest.entries.find((e) => e.path === name);
              if (!want || want.sha256 !== hashing.digest()) {
                await fs.rm(tmp, { force: true });
                throw new ArchiveError(`${name} changed between the check and the restore`);
              }
              await fs.rename(tmp, dest);
              written.push(dest);
              mediaFiles++;
              mediaBytes += hashing.bytes;
            } else entry.resume();
          },
          (n) => o.onProgress?.({ phase: 'restore', bytes: (read += n), total }),
        );
        // The native load counts the rows inside its transaction, before it commits.
        await load?.finish();
      } catch (e) {
        await load?.abort();
        throw e;
      }
    });

    // The rows, table by table, as the backup counted them.
    const counts = await tableCounts(client);
    const wrong = Object.entries(manifest.database.tables)
      .filter(([t, n]) => counts[t] !== n)
      .map(([t, n]) => `${t}: ${counts[t] ?? 'missing'} rows, the backup had ${n}`);
    if (wrong.length) throw new ArchiveError(`the restored database differs from the backup (${wrong.join('; ')})`);
  } catch (e) {
    // The database is as empty as before (native format): so is the media folder.
    if (native) for (const f of written) await fs.rm(f, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => undefined);
  }
  const migrationsRun = await runMigrations(o.databaseUrl);
  const tables = Object.keys(manifest.database.tables).length;
  const rows = Object.values(manifest.database.tables).reduce((s, n) => s + n, 0);
  return { manifest, tables, rows, mediaFiles, mediaBytes, migrationsRun };
}

/** The pg_dump entry into pg_restore, in one transaction. */
async function runPgRestore(program: string, databaseUrl: string, entry: Entry): Promise<void> {
  const conn = pgConnection(databaseUrl);
  const child = spawn(
    program,
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '--no-password',
      `--dbname=${conn.dbname}`,
    ],
    { env: { ...process.env, ...conn.env }, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  await pipeline(Readable.from(entry), child.stdin).catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
  });
  const code = await exited;
  if (code !== 0) throw new Error(`pg_restore failed (exit code ${code}): ${stderr.trim()}`);
}
