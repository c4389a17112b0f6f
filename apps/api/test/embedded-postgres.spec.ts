import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgres, resolveDataDir } from '../src/database/embedded-postgres.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dirs: string[] = [];
const tmp = (name: string) => {
  const d = mkdtempSync(path.join(os.tmpdir(), `dari-${name}-`));
  chmodSync(d, 0o755);
  dirs.push(d);
  return d;
};

async function query(url: string, sql: string): Promise<unknown[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

function hold(baseDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures', 'hold-postgres.ts'), baseDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      const m = /ready (\d+)/.exec(b.toString());
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the embedded PostgreSQL 18', () => {
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps its data across a stop and a start', async () => {
    const base = tmp('pg-restart');
    const first = await EmbeddedPostgres.start({ baseDir: base, ephemeral: false });
    const [{ server_version }] = (await query(first.url, 'SHOW server_version')) as { server_version: string }[];
    expect(server_version).toMatch(/^18\./);
    await query(first.url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('다리')`);
    await first.stop();
    const second = await EmbeddedPostgres.start({ baseDir: base });
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: '다리' }]);
    await second.destroy();
  });

  it('listens on loopback only, with a password', async () => {
    const base = tmp('pg-auth');
    const db = await EmbeddedPostgres.start({ baseDir: base, ephemeral: true });
    const noPassword = new URL(db.url);
    noPassword.password = 'wrong';
    await expect(query(noPassword.toString(), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    const [{ listen_addresses }] = (await query(db.url, 'SHOW listen_addresses')) as { listen_addresses: string }[];
    expect(listen_addresses).toBe('127.0.0.1');
    await db.destroy();
  });

  it('refuses to share its folder with a live Dari, and takes over from one that was killed', async () => {
    const base = tmp('pg-orphan');
    const { child } = await hold(base);
    await expect(EmbeddedPostgres.start({ baseDir: base, ephemeral: true })).rejects.toThrow(
      /already running with the data folder/,
    );
    const postmasterPid = Number(readFileSync(path.join(base, 'pg18', 'postmaster.pid'), 'utf8').split('\n')[0]);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(alive(postmasterPid)).toBe(true); // the orphan
    const next = await EmbeddedPostgres.start({ baseDir: base, ephemeral: true });
    expect(alive(postmasterPid)).toBe(false);
    expect(await query(next.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await next.destroy();
  });

  it('starts a killed postmaster again when supervised, and stops at once when it is dead', async () => {
    const base = tmp('pg-supervised');
    const notes: string[] = [];
    // Durable settings, as `npm start` runs it: a committed row survives the crash.
    const db = await EmbeddedPostgres.start({ baseDir: base, ephemeral: false, log: (l) => notes.push(l) });
    const gaveUp: Error[] = [];
    db.superviseRestarts({ attempts: 3, minDelayMs: 100, onGiveUp: (e) => gaveUp.push(e) });
    try {
      await query(db.url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('다리')`);
      const first = db.pid!;
      process.kill(first, 'SIGKILL');
      for (let i = 0; i < 200 && (!db.pid || db.pid === first); i++) await new Promise((r) => setTimeout(r, 50));
      expect(db.pid, notes.join('\n')).toBeGreaterThan(0);
      expect(db.pid).not.toBe(first);
      expect(await query(db.url, 'SELECT v FROM kept')).toEqual([{ v: '다리' }]);
      expect(notes.join('\n')).toMatch(/stopped unexpectedly \(killed by SIGKILL\)[\s\S]*running again/);
      expect(gaveUp).toEqual([]);
      // A query's error is the app's to log: the value it quotes never reaches Dari's output.
      await query(db.url, `CREATE UNIQUE INDEX ON kept (v)`);
      await expect(query(db.url, `INSERT INTO kept VALUES ('다리')`)).rejects.toThrow(/duplicate key/);
      await new Promise((r) => setTimeout(r, 200));
      expect(notes.join('\n')).not.toMatch(/다리|duplicate key/);

      // Killed again, and stop() comes before the restart: it must not wait for an exit that already happened.
      process.kill(db.pid!, 'SIGKILL');
      for (let i = 0; i < 100 && db.pid; i++) await new Promise((r) => setTimeout(r, 10));
      const t = Date.now();
      await db.destroy();
      expect(Date.now() - t).toBeLessThan(2_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(notes.filter((l) => /running again/.test(l))).toHaveLength(1);
    } finally {
      await db.destroy(); // also after a failure: no postmaster left behind
    }
  });

  it.runIf(process.getuid?.() === 0)('as root, moves the data out of a folder the postgres user cannot enter', () => {
    const closed = mkdtempSync(path.join(os.tmpdir(), 'dari-closed-'));
    dirs.push(closed);
    chmodSync(closed, 0o700);
    mkdirSync(path.join(closed, 'project'));
    const notes: string[] = [];
    const chosen = resolveDataDir(path.join(closed, 'project'), undefined, (l) => notes.push(l));
    expect(chosen.startsWith(os.tmpdir())).toBe(true);
    expect(chosen.startsWith(closed)).toBe(false);
    expect(notes.join('')).toMatch(/DARI_DATA_DIR/);
    expect(resolveDataDir(path.join(closed, 'project'), '/srv/dari', () => undefined)).toBe('/srv/dari');
  });
});
