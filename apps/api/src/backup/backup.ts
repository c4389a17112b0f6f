import { generateX25519Identity, identityToRecipient, type Encrypter } from 'age-encryption';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { pack as tarPack, type Pack } from 'tar-stream';
import { onClient, schemaState } from '../database/schema-state.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  DUMP_ENTRY,
  Hashing,
  MANIFEST_ENTRY,
  MEDIA_PREFIX,
  fromWeb,
  toWeb,
  type BackupManifest,
  type DumpFormat,
  type ManifestEntry,
} from './archive.js';
import { exportSnapshot, serverVersion, tableCounts } from './backup.queries.js';
import { decrypterFor, encrypterFor, type BackupKeys } from './keys.js';
import { dumpNative } from './native-dump.js';
import { findPgTool, pgConnection, type PgTool } from './pg-tools.js';

export interface BackupProgress {
  phase: 'dump' | 'archive';
  /** Bytes done in this phase… */
  bytes: number;
  /** …of this many (archive phase only: the dump's size is not known before it ends). */
  total?: number;
}

export interface BackupOptions {
  databaseUrl: string;
  mediaDir: string;
  /** The archive to write (written as `<out>.partial`, renamed when complete). */
  out: string;
  keys: BackupKeys;
  dariVersion: string;
  /**
   * How the database is dumped: `pgdump` (pg_dump's custom format; needs pg_dump of at least the
   * server's version), `native` (COPY through Dari's own connection, no client program), or `auto`
   * (the default): pg_dump when a fitting one is found, the native format otherwise.
   */
  format?: DumpFormat | 'auto';
  onProgress?: (p: BackupProgress) => void;
  env?: Record<string, string | undefined>;
}

export interface BackupResult {
  manifest: BackupManifest;
  archiveBytes: number;
}

/** Media files, relative paths with '/', sorted; the upload folder's `.incoming` (half-received files) is not media. */
async function listMedia(root: string): Promise<{ rel: string; abs: string; size: number }[]> {
  const out: { rel: string; abs: string; size: number }[] = [];
  const walk = async (dir: string, rel: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const e of entries) {
      if (!rel && e.name === '.incoming') continue;
      const abs = path.join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(abs, r);
      else if (e.isFile()) out.push({ rel: r, abs, size: (await fs.stat(abs)).size });
    }
  };
  await walk(root, '');
  return out.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

/** Writes `source` as one tar entry of `size` bytes; resolves with its SHA-256. */
async function addEntry(
  pack: Pack,
  name: string,
  size: number,
  source: Readable,
  onBytes?: (n: number) => void,
): Promise<ManifestEntry> {
  const hash = createHash('sha256');
  let bytes = 0;
  let sink!: ReturnType<Pack['entry']>;
  // tar-stream calls back once the entry is complete in the archive (or failed: size mismatch…).
  const done = new Promise<void>((resolve, reject) => {
    sink = pack.entry({ name, size, mode: 0o600, mtime: new Date() }, (err) => (err ? reject(err) : resolve()));
  });
  // A hand-written loop: tar-stream's entry is a streamx stream, which Node's pipeline does not take.
  for await (const chunk of source) {
    const b = chunk as Buffer;
    hash.update(b);
    bytes += b.length;
    onBytes?.(b.length);
    if (!sink.write(b)) await once(sink, 'drain');
  }
  sink.end(undefined);
  await done;
  return { path: name, size: bytes, sha256: hash.digest('hex') };
}

/** A database entry of the archive, waiting in an encrypted temporary file. */
interface DumpedEntry {
  entry: string;
  file: string;
  size: number;
  sha256: string;
}

/** pg_dump reading the snapshot `snapshot` → one encrypted temporary file. */
async function runPgDump(
  pgDump: PgTool,
  databaseUrl: string,
  snapshot: string,
  file: string,
  encrypter: Encrypter,
  onBytes: (n: number) => void,
  started: (child: ChildProcess) => void,
): Promise<DumpedEntry> {
  const conn = pgConnection(databaseUrl);
  const child = spawn(
    pgDump.path,
    ['--format=custom', `--snapshot=${snapshot}`, '--no-password', `--dbname=${conn.dbname}`],
    {
      env: { ...process.env, ...conn.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  started(child);
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const hashing = new Hashing(onBytes);
  const encrypted = await encrypter.encrypt(toWeb(child.stdout.pipe(hashing)));
  await pipeline(fromWeb(encrypted), createWriteStream(file, { mode: 0o600 }));
  const code = await exited;
  if (code !== 0) throw new Error(`pg_dump failed (exit code ${code}): ${stderr.trim()}`);
  return { entry: DUMP_ENTRY, file, size: hashing.bytes, sha256: hashing.digest() };
}

/**
 * One consistent, encrypted backup: the database as one snapshot reads it — through pg_dump, or in
 * the native format through COPY on this process's own connection (the row counts in the manifest
 * come from that same snapshot) — then the media folder. Nothing is written in clear: the dump goes
 * first to temporary files encrypted to a key that exists only in this process's memory (a tar entry
 * needs its size up front), then into the archive.
 */
export async function createBackup(o: BackupOptions): Promise<BackupResult> {
  const env = o.env ?? process.env;
  const encrypter = encrypterFor(o.keys); // refuses bad keys before anything runs
  const client = new pg.Client({ connectionString: o.databaseUrl, application_name: 'dari-backup' });
  await client.connect();
  const tag = randomBytes(6).toString('hex');
  const tmpDir = path.join(path.dirname(path.resolve(o.out)), `.dari-backup-${tag}`);
  const partial = `${o.out}.partial`;
  let manifest: BackupManifest;
  let pgDumpProcess: ChildProcess | undefined;
  try {
    const server = await serverVersion(client);
    const wanted = o.format ?? 'auto';
    let pgDump: PgTool | undefined;
    if (wanted !== 'native') {
      try {
        pgDump = findPgTool('pg_dump', server.major, env);
      } catch (e) {
        if (wanted === 'pgdump') throw e;
      }
    }
    const format: DumpFormat = pgDump ? 'pgdump' : 'native';
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const snapshot = pgDump ? await exportSnapshot(client) : '';
    const state = await schemaState(onClient(client));
    // Counting reads every table, so each stays locked (ACCESS SHARE) against DDL until the dump ends.
    const tables = await tableCounts(client);

    // 1. The dump → encrypted temporary files (ephemeral key, in memory only).
    await fs.mkdir(tmpDir, { mode: 0o700 });
    const ephemeral = await generateX25519Identity();
    const tmpEncrypter = encrypterFor({ recipient: await identityToRecipient(ephemeral) });
    let dumped = 0;
    const onDumped = (n: number) => o.onProgress?.({ phase: 'dump', bytes: (dumped += n) });
    let dumpedEntries: DumpedEntry[];
    let native: BackupManifest['database']['native'];
    if (pgDump) {
      const file = path.join(tmpDir, 'database.pgdump.age');
      dumpedEntries = [
        await runPgDump(pgDump, o.databaseUrl, snapshot, file, tmpEncrypter, onDumped, (c) => (pgDumpProcess = c)),
      ];
    } else {
      const dump = await dumpNative(client, tables, tmpDir, tmpEncrypter, onDumped);
      dumpedEntries = dump.tables;
      native = {
        tables: dump.tables.map((t) => ({ table: t.table, columns: t.columns, entry: t.entry })),
        sequences: dump.sequences,
      };
    }
    await client.query('COMMIT');

    // 2. The archive: database, media, manifest → tar → age → <out>.partial → <out>.
    const media = await listMedia(o.mediaDir);
    const total = [...dumpedEntries, ...media].reduce((s, m) => s + m.size, 0);
    let done = 0;
    const onBytes = (n: number) => o.onProgress?.({ phase: 'archive', bytes: (done += n), total });
    const pack = tarPack();
    // tar-stream's streams are streamx ones: piped into a Node stream for Readable.toWeb.
    const output = await encrypter.encrypt(toWeb(pack.pipe(new PassThrough())));
    const writing = pipeline(fromWeb(output), createWriteStream(partial, { mode: 0o600 }));
    const tmpKey = decrypterFor({ identities: [ephemeral] });
    const entries: ManifestEntry[] = [];
    for (const d of dumpedEntries) {
      const clear = fromWeb(await tmpKey.decrypt(toWeb(createReadStream(d.file))));
      const e = await addEntry(pack, d.entry, d.size, clear, onBytes);
      if (e.sha256 !== d.sha256) throw new Error('the database dump changed while it was archived');
      entries.push(e);
    }
    for (const m of media)
      entries.push(await addEntry(pack, MEDIA_PREFIX + m.rel, m.size, createReadStream(m.abs), onBytes));
    manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION[format],
      createdAt: new Date().toISOString(),
      dariVersion: o.dariVersion,
      database: {
        serverVersion: server.version,
        format,
        pgDumpVersion: pgDump?.version ?? null,
        migrations: state.applied,
        latestMigration: state.applied.at(-1) ?? null,
        tables,
        ...(native ? { native } : {}),
      },
      entries,
    };
    const json = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
    pack.entry({ name: MANIFEST_ENTRY, size: json.length, mode: 0o600, mtime: new Date() }, json);
    pack.finalize();
    await writing;
    await fs.rename(partial, o.out);
  } catch (e) {
    // A failure while pg_dump still writes (disk full…) must not leave it running.
    if (pgDumpProcess && pgDumpProcess.exitCode === null) pgDumpProcess.kill();
    await client.query('ROLLBACK').catch(() => undefined);
    await fs.rm(partial, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => undefined);
    await fs.rm(tmpDir, { recursive: true, force: true });
  }
  return { manifest, archiveBytes: (await fs.stat(o.out)).size };
}
