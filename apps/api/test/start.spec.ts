import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` as a person runs it (the compiled entry point), on its own embedded database.
const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'start.js');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dari-start-'));
chmodSync(dataDir, 0o755);
// Below Linux's ephemeral ports (32768–60999): there, an outgoing connection's local port can take it.
const port = 20_000 + Math.floor(Math.random() * 12_000);
const base = `http://127.0.0.1:${port}`;

interface Server {
  child: ChildProcess;
  output: () => string;
}

async function start(env: Record<string, string> = {}): Promise<Server> {
  let out = '';
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DARI_DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${out}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { child, output: () => out };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`npm start did not answer:\n${out}`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) =>
    child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code)),
  );
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function signIn(password: string): Promise<number> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username: 'demo.admin', password }),
  });
  return res.status;
}

describe('npm start', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the demo password once, stops cleanly on SIGTERM, keeps data, and survives a SIGKILL', async () => {
    const first = await start();
    const printed = /password for all four: (\S+)/.exec(first.output());
    expect(printed, first.output()).not.toBeNull();
    expect(await signIn(printed![1])).toBe(200);
    const postmaster = Number(readFileSync(path.join(dataDir, 'pg18', 'postmaster.pid'), 'utf8').split('\n')[0]);
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    expect(first.output()).toContain('stopped cleanly');
    expect(alive(postmaster)).toBe(false);

    // Restart: same data, nothing printed again.
    const second = await start();
    expect(second.output()).not.toContain('password for all four');
    expect(await signIn(printed![1])).toBe(200);
    second.child.kill('SIGKILL');
    await exited(second.child);

    // After a SIGKILL the database is orphaned; the next start takes over.
    const third = await start({ DARI_DEMO_PASSWORD: 'a documented demo password' });
    expect(third.output()).toMatch(/left running by an earlier run/);
    expect(await signIn('a documented demo password')).toBe(200);
    third.child.kill('SIGTERM');
    expect(await exited(third.child)).toBe(0);
  }, 90_000);

  it('with DARI_DEMO=false creates no accounts', async () => {
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'dari-nodemo-'));
    chmodSync(fresh, 0o755);
    const server = await start({ DARI_DATA_DIR: fresh, DARI_DEMO: 'false' });
    try {
      expect(server.output()).not.toContain('demo accounts created');
      expect(await signIn('anything at all')).toBe(401);
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 60_000);
});
