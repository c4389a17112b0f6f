import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, promises as fs, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SESSION_COOKIE } from '@dari/contracts';
import { createApp } from '../src/app.factory.js';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { ArchiveError, createBackup, restoreBackup, RestoreRefused, type BackupKeys } from '../src/backup/index.js';
import { BackupKeyError, backupKeysFromEnv } from '../src/backup/keys.js';
import { findPgTool } from '../src/backup/pg-tools.js';
import { connectionOptions } from '../src/database/data-source.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { APP_CONFIG, loadConfig, type AppConfig } from '../src/config/app-config.js';
import { TestApp, uniqueName } from './test-app.js';

/**
 * The restore drill: seed learners in a cohort, progress, a certificate and a media file → an encrypted
 * backup → a new, empty database and media folder → restore → every table's rows and every media file
 * identical, and the restored Dari serves the same learner's course page and certificate. In the native
 * format on every PostgreSQL (the embedded 18 has no pg_dump), and in pg_dump's where one fits.
 */

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const adminUrl = inject('adminUrl');
const templateDb = inject('templateDb');

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const serverMajor = await withClient(adminUrl, async (c) =>
  Math.floor(Number((await c.query('SHOW server_version_num')).rows[0].server_version_num) / 10000),
);
/** pg_dump and pg_restore for this server, if this machine has them (the message if not). */
const missingTools = (() => {
  try {
    findPgTool('pg_dump', serverMajor);
    findPgTool('pg_restore', serverMajor);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
})();

/** A new empty database (named after the run's template, so the global teardown drops it too). */
async function emptyDatabase(): Promise<string> {
  const name = `${templateDb}_restore_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Every table of the public schema: its row count and an order-independent digest of its rows. */
async function tableDigests(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const tables = (
      await c.query<{ t: string }>(
        `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
          WHERE ns.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
      )
    ).rows.map((r) => r.t);
    const out: Record<string, string> = {};
    for (const t of tables) {
      const id = c.escapeIdentifier(t);
      const r = await c.query<{ n: string; digest: string }>(
        `SELECT count(*)::text AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS digest FROM ${id} x`,
      );
      out[t] = `${r.rows[0].n} ${r.rows[0].digest}`;
    }
    return out;
  });
}

async function filesIn(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || e.parentPath.includes('.incoming')) continue;
    const abs = path.join(e.parentPath, e.name);
    out[path.relative(dir, abs)] = (await fs.readFile(abs)).toString('base64');
  }
  return out;
}

/** Counter tables the database's triggers keep: sums that a load with the triggers on would double. */
async function counterSums(url: string): Promise<Record<string, number>> {
  return withClient(url, async (c) => {
    const r = await c.query<Record<string, string>>(
      `SELECT (SELECT coalesce(sum(enrolled), 0) FROM course_stats)::text AS course_enrolled,
              (SELECT coalesce(sum(completed), 0) FROM course_stats)::text AS course_completed,
              (SELECT coalesce(sum(started), 0) FROM lesson_stats)::text AS lesson_started,
              (SELECT coalesce(sum(completed), 0) FROM lesson_stats)::text AS lesson_completed,
              (SELECT coalesce(sum(enrolled), 0) FROM cohort_course_stats)::text AS cohort_enrolled`,
    );
    return Object.fromEntries(Object.entries(r.rows[0]).map(([k, v]) => [k, Number(v)]));
  });
}

/** The native format everywhere; pg_dump's where this machine has a pg_dump for this server. */
const FORMATS = (['native', 'pgdump'] as const).filter((f) => f === 'native' || !missingTools);

describe('backup and restore: the drill', () => {
  let t: TestApp;
  let mediaDir: string;
  const work = mkdtempSync(path.join(os.tmpdir(), 'dari-backup-test-'));
  // A low scrypt cost keeps the test fast; the commands use age's default (2^18).
  const keys: BackupKeys = { passphrase: 'correct horse battery staple 7', scryptWorkFactor: 10 };
  const displayName = `복원훈련 ${randomBytes(3).toString('hex')}`;
  let learner: { id: string; username: string; cookie: string };
  let slug: string;
  let certificateCode: string;
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    t = await TestApp.create();
    mediaDir = t.app.get<AppConfig>(APP_CONFIG).mediaDir;
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  const api = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie, body });

  it('seeds learners in a cohort with progress, a certificate and a media file', async () => {
    const author = await t.signedIn('instructor');
    slug = uniqueName('drill-').toLowerCase();
    let c = (await api(author.cookie, 'POST', '/authoring/courses', { slug, title: { ko: '복원' } })).body;
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/authoring/courses/${c.id}/media`,
      headers: {
        cookie: `${SESSION_COOKIE}=${author.cookie}`,
        'x-dari-client': 'web',
        'content-type': 'multipart/form-data; boundary=drill',
      },
      payload: Buffer.concat([
        Buffer.from(
          '--drill\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n',
        ),
        PNG,
        Buffer.from('\r\n--drill--\r\n'),
      ]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    c = (await api(author.cookie, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const lessons: string[] = [];
    for (const title of ['첫째', '둘째']) {
      const l = (
        await api(author.cookie, 'POST', `/authoring/modules/${c.modules[0].id}/lessons`, {
          kind: 'reading',
          title: { ko: title },
        })
      ).body;
      await api(author.cookie, 'PATCH', `/authoring/lessons/${l.id}`, {
        revision: 0,
        content: { kind: 'reading', body: { ko: `${title} 본문` } },
      });
      lessons.push(l.id as string);
    }
    expect((await api(author.cookie, 'POST', `/authoring/courses/${c.id}/publish`)).status).toBe(201);

    const u = await t.createUser('learner', { displayName });
    learner = { id: u.id, username: u.username, cookie: await t.login(u.username) };
    const other = await t.signedIn('learner');
    // A cohort with the course and both learners: its counters are kept by triggers too.
    const manager = await t.signedIn('manager');
    const cohort = (await api(manager.cookie, 'POST', '/cohorts', { name: uniqueName('drill ') })).body;
    expect((await api(manager.cookie, 'PUT', `/cohorts/${cohort.id}/courses`, { courseId: c.id })).status).toBe(200);
    const members = await api(manager.cookie, 'POST', `/cohorts/${cohort.id}/members`, {
      members: [learner, other].map((w) => ({ userId: w.id, role: 'learner' })),
    });
    expect(members.status).toBe(200);
    for (const who of [learner, other]) await api(who.cookie, 'POST', `/courses/${slug}/enrol`, {});
    const ev = (lessonId: string) => ({
      id: randomUUID(),
      lessonId,
      type: 'completed',
      occurredAt: new Date().toISOString(),
    });
    const done = await api(learner.cookie, 'POST', '/progress/events', { events: lessons.map(ev) });
    certificateCode = done.body.enrolments[0].certificateCode as string;
    expect(certificateCode).toMatch(/^[A-Z2-9]{4}-/);
    await api(other.cookie, 'POST', '/progress/events', { events: [ev(lessons[0])] });
    expect(Object.keys(await filesIn(mediaDir))).toHaveLength(1);
    const counters = await counterSums(t.dbUrl);
    expect(counters.course_completed).toBeGreaterThanOrEqual(1);
    expect(counters.lesson_started).toBeGreaterThanOrEqual(3);
    expect(counters.cohort_enrolled).toBe(2);
  });

  describe.each(FORMATS)('%s format', (format) => {
    const archive = path.join(work, `drill-${format}.dari.age`);

    it('writes one encrypted archive: no learner name, username or media bytes in clear', async () => {
      // The native format is what a backup falls back to when no fitting pg_dump is found.
      const noPgDump = { DARI_PG_BIN: path.join(work, 'no-such-folder') };
      const { manifest } = await createBackup({
        databaseUrl: t.dbUrl,
        mediaDir,
        out: archive,
        keys,
        dariVersion: 'test',
        ...(format === 'native' ? { env: noPgDump } : { format }),
      });
      expect(manifest.database.format).toBe(format);
      expect(manifest.database.tables.users).toBeGreaterThanOrEqual(4);
      expect(manifest.database.tables.certificates).toBe(1);
      const paths = manifest.entries.map((e) => e.path);
      if (format === 'pgdump') expect(paths).toEqual(['database.pgdump', expect.stringMatching(/^media\//)]);
      else {
        const tables = manifest.database.native?.tables.map((x) => x.table) ?? [];
        expect(paths).toEqual([...tables.map((x) => `database/${x}.copy.gz`), expect.stringMatching(/^media\//)]);
        expect([...tables].sort()).toEqual(Object.keys(manifest.database.tables).sort());
        // Every table after the tables it references.
        expect(tables.indexOf('users')).toBeLessThan(tables.indexOf('enrolments'));
        expect(tables.indexOf('certificates')).toBeLessThan(tables.indexOf('credentials'));
        expect(manifest.database.native?.sequences.map((x) => x.name)).toContain('migrations_id_seq');
        expect(manifest.database.pgDumpVersion).toBeNull();
      }
      expect(manifest.database.latestMigration).not.toBeNull();
      const bytes = readFileSync(archive);
      expect(bytes.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
      for (const secret of [displayName, learner.username, 'drill-', certificateCode])
        expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
      expect(bytes.includes(PNG.subarray(0, 40))).toBe(false);
      // Nothing else was left beside it (the dump's temporary files, a partial archive).
      const left = await fs.readdir(work);
      expect(left).toContain(`drill-${format}.dari.age`);
      expect(left.filter((n) => n.startsWith('.') || n.endsWith('.partial'))).toEqual([]);
    });

    it('refuses a wrong passphrase and a changed archive, and restores nothing', async () => {
      const url = await emptyDatabase();
      const media = path.join(work, `refused-media-${format}`);
      await expect(
        restoreBackup({
          archive,
          databaseUrl: url,
          mediaDir: media,
          keys: { passphrase: 'not the passphrase at all' },
        }),
      ).rejects.toThrow(/cannot be decrypted with this key/);
      const tampered = path.join(work, `tampered-${format}.dari.age`);
      // One changed byte in the header, early in the dump, mid-archive, in the last chunk: each refused.
      const original = readFileSync(archive);
      for (const at of [30, 45, 60, 90, 300, Math.floor(original.length / 2), original.length - 20]) {
        const bytes = Buffer.from(original);
        bytes[at] ^= 0x01;
        await fs.writeFile(tampered, bytes);
        const refused = restoreBackup({ archive: tampered, databaseUrl: url, mediaDir: media, keys });
        await expect(refused, `byte ${at}`).rejects.toBeInstanceOf(ArchiveError);
        // In the header (the scrypt stanza) age cannot tell a changed byte from a wrong passphrase.
        await expect(refused, `byte ${at}`).rejects.toThrow(
          at < 120 ? /damaged or has been changed|cannot be decrypted/ : /damaged or has been changed/,
        );
      }
      await fs.rm(tampered);
      expect(await tableDigests(url)).toEqual({});
      await expect(fs.readdir(media)).rejects.toThrow(/ENOENT/);
    });

    it('refuses a database that is not empty', async () => {
      const before = await tableDigests(t.dbUrl);
      await expect(
        restoreBackup({ archive, databaseUrl: t.dbUrl, mediaDir: path.join(work, `m2-${format}`), keys }),
      ).rejects.toBeInstanceOf(RestoreRefused);
      expect(await tableDigests(t.dbUrl)).toEqual(before);
    });

    it('restores into a new empty database: every row, counter and media file identical, and Dari serves the learner', async () => {
      const restored = { url: await emptyDatabase(), mediaDir: path.join(work, `restored-media-${format}`) };
      const r = await restoreBackup({ archive, databaseUrl: restored.url, mediaDir: restored.mediaDir, keys });
      expect(r.migrationsRun).toEqual([]);
      expect(r.mediaFiles).toBe(1);
      const original = await tableDigests(t.dbUrl);
      expect(Object.keys(original).length).toBeGreaterThan(20);
      // Row by row: each table's rows as text, sorted, hashed.
      expect(await tableDigests(restored.url)).toEqual(original);
      expect(await counterSums(restored.url)).toEqual(await counterSums(t.dbUrl));
      expect(await filesIn(restored.mediaDir)).toEqual(await filesIn(mediaDir));

      const config = loadConfig(
        { LOG_LEVEL: 'silent', DARI_WEB_DIST: '/nonexistent', DARI_MEDIA_DIR: restored.mediaDir },
        restored.url,
      );
      const app = await createApp(config);
      apps.push(app);
      const get = async (url: string) => {
        const res = await app.inject({
          method: 'GET',
          url: `/api/v1${url}`,
          headers: { cookie: `${SESSION_COOKIE}=${learner.cookie}`, 'x-dari-client': 'web' },
        });
        return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
      };
      // The same session (stored hashed) still opens, and the pages read as before the backup.
      for (const url of [`/courses/${slug}`, '/me/certificates']) {
        const before = await api(learner.cookie, 'GET', url);
        const after = await get(url);
        expect(after.status, url).toBe(200);
        expect(after.body, url).toEqual(before.body);
      }
      expect(JSON.stringify((await get('/me/certificates')).body)).toContain(certificateCode);
    });
  });

  it('to a recipient key: the server needs only the public key; the secret key restores it', async () => {
    const identity = await generateX25519Identity();
    const out = path.join(work, 'recipient.dari.age');
    const recipient = await identityToRecipient(identity);
    await createBackup({
      databaseUrl: t.dbUrl,
      mediaDir,
      out,
      keys: { recipient },
      dariVersion: 'test',
      format: 'native',
    });
    const url = await emptyDatabase();
    await expect(
      restoreBackup({ archive: out, databaseUrl: url, mediaDir: path.join(work, 'r1'), keys }),
    ).rejects.toThrow(/cannot be decrypted/);
    const r = await restoreBackup({
      archive: out,
      databaseUrl: url,
      mediaDir: path.join(work, 'r1'),
      keys: { identities: [identity] },
    });
    expect(r.mediaFiles).toBe(1);
    expect(r.rows).toBeGreaterThan(0);
    await fs.rm(out);
  });

  it('native format: a live schema changed by hand is refused whole — the database and media folder stay empty', async () => {
    const out = path.join(work, 'hand-made.dari.age');
    await withClient(t.dbUrl, (c) => c.query('ALTER TABLE word_list ADD COLUMN hand_made integer'));
    try {
      await createBackup({ databaseUrl: t.dbUrl, mediaDir, out, keys, dariVersion: 'test', format: 'native' });
    } finally {
      await withClient(t.dbUrl, (c) => c.query('ALTER TABLE word_list DROP COLUMN hand_made'));
    }
    const url = await emptyDatabase();
    const media = path.join(work, 'hand-made-media');
    await expect(restoreBackup({ archive: out, databaseUrl: url, mediaDir: media, keys })).rejects.toThrow(
      /word_list has the columns .* the backup .*hand_made.*changed by hand/,
    );
    // The migrations ran in the load's transaction: rolled back with it.
    expect(await tableDigests(url)).toEqual({});
    expect(await filesIn(media)).toEqual({});
    await fs.rm(out);
  });
});

describe('native format: the schema from the migrations, cut at the backup’s last', () => {
  it('a backup of an older schema restores at that schema, then the newer migrations run', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'dari-backup-old-'));
    try {
      const source = await emptyDatabase();
      const older = MIGRATIONS.slice(0, -1);
      const ds = new DataSource({ ...connectionOptions(source, 2), migrations: older });
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      await ds.destroy();
      const out = path.join(work, 'old.dari.age');
      const { manifest } = await createBackup({
        databaseUrl: source,
        mediaDir: path.join(work, 'none'),
        out,
        keys: { passphrase: 'correct horse battery staple 7', scryptWorkFactor: 10 },
        dariVersion: 'test',
        format: 'native',
      });
      expect(manifest.database.latestMigration).toBe(older.at(-1)?.name);
      const target = await emptyDatabase();
      const r = await restoreBackup({
        archive: out,
        databaseUrl: target,
        mediaDir: path.join(work, 'media'),
        keys: { passphrase: 'correct horse battery staple 7' },
      });
      expect(r.migrationsRun).toEqual([MIGRATIONS.at(-1)?.name]);
      const names = await withClient(target, async (c) =>
        (await c.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((x) => x.name),
      );
      expect(names).toEqual(MIGRATIONS.map((m) => m.name));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('backup keys and tools', () => {
  it('refuses to run without a passphrase or recipient, with a short passphrase, or with both', async () => {
    expect(() => backupKeysFromEnv({})).toThrow(/never written unencrypted/);
    expect(() => backupKeysFromEnv({ DARI_BACKUP_PASSPHRASE: 'x', DARI_BACKUP_RECIPIENT: 'age1x' })).toThrow(
      /not both/,
    );
    const work = mkdtempSync(path.join(os.tmpdir(), 'dari-backup-keys-'));
    try {
      await expect(
        createBackup({
          databaseUrl: adminUrl,
          mediaDir: work,
          out: path.join(work, 'x.age'),
          keys: { passphrase: 'short' },
          dariVersion: 'test',
        }),
      ).rejects.toBeInstanceOf(BackupKeyError);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it(`--format pgdump without a pg_dump ${serverMajor} says what to install, and writes nothing`, async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'dari-backup-tools-'));
    try {
      const nowhere = { DARI_PG_BIN: path.join(work, 'no-such-folder') };
      await expect(
        createBackup({
          databaseUrl: adminUrl,
          mediaDir: work,
          out: path.join(work, 'x.age'),
          keys: { passphrase: 'correct horse battery staple 7', scryptWorkFactor: 10 },
          dariVersion: 'test',
          format: 'pgdump',
          env: nowhere,
        }),
      ).rejects.toThrow(new RegExp(`pg_dump ${serverMajor} or newer is needed.*DARI_PG_BIN`));
      expect(await fs.readdir(work)).toEqual([]);
      if (missingTools) expect(missingTools).toMatch(new RegExp(`pg_(dump|restore) ${serverMajor} or newer is needed`));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
