import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomListenPort, startDari, type DariProcess } from './fixtures/dari-process.js';
import { createTestDatabase } from './test-db.js';

// WEB_CONCURRENCY=2: one primary (migrations, seeding) and two worker processes sharing one port.
const PASSWORD = 'two workers passphrase';

type Cluster = DariProcess;

/** `npm start` with two workers, ready when both listen (the primary says so). */
function startCluster(databaseUrl: string, env: Record<string, string> = {}): Promise<Cluster> {
  return startDari({
    port: randomListenPort(),
    env: { DATABASE_URL: databaseUrl, DARI_DEMO_PASSWORD: PASSWORD, WEB_CONCURRENCY: '2', ...env },
    ready: 'with 2 workers',
  });
}

/** One request on a new connection (no keep-alive), so the cluster's round robin picks a worker for each. */
function request(
  base: string,
  p: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${p}`,
      { method: init.method ?? 'GET', headers: init.headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

async function workerPids(base: string, n = 12): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < n; i++) pids.add(Number((await request(base, '/api/v1/health')).headers['x-dari-worker']));
  return pids;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) =>
    child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code)),
  );

describe('WEB_CONCURRENCY=2: two API workers on one host', () => {
  let db: { url: string; drop: () => Promise<void> };
  let c: Cluster;
  beforeAll(async () => {
    db = await createTestDatabase();
    c = await startCluster(db.url, { DARI_TEST_WORKER_HEADER: 'true' });
  }, 90_000);
  afterAll(async () => {
    // beforeAll may have failed before setting these.
    const cluster = c as Cluster | undefined;
    if (cluster && cluster.child.exitCode === null) {
      cluster.child.kill('SIGKILL');
      await exited(cluster.child);
    }
    await (db as typeof db | undefined)?.drop();
  });

  it('two different worker processes answer, neither of them the primary', async () => {
    const pids = await workerPids(c.base);
    expect(pids.size).toBe(2);
    expect(pids.has(c.child.pid!)).toBe(false);
    for (const pid of pids) expect(alive(pid)).toBe(true);
  });

  it('a session made on one worker is valid on the other', async () => {
    const login = await request(c.base, '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dari-client': 'web' },
      body: JSON.stringify({ username: 'demo.learner', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers['set-cookie']![0].split(';')[0];
    const signedInOn = login.headers['x-dari-worker'];
    const answers = new Map<string, number>();
    for (let i = 0; i < 8 && answers.size < 2; i++) {
      const me = await request(c.base, '/api/v1/me', { headers: { cookie } });
      answers.set(String(me.headers['x-dari-worker']), me.status);
    }
    expect(answers.size).toBe(2);
    expect([...answers.keys()].some((pid) => pid !== signedInOn)).toBe(true);
    expect([...answers.values()]).toEqual([200, 200]);
  });

  it('a worker that dies is started again', async () => {
    const before = [...(await workerPids(c.base))];
    const [victim, survivor] = before;
    process.kill(victim, 'SIGKILL');
    let now = new Set<number>();
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 200));
      now = await workerPids(c.base, 6);
      if (now.size === 2) break;
    }
    expect(now.has(victim)).toBe(false);
    expect(now.has(survivor)).toBe(true);
    expect(now.size).toBe(2);
    expect(c.output()).toMatch(new RegExp(`worker ${victim} was killed by SIGKILL; starting another`));
  }, 60_000);

  it('SIGTERM lets a request in flight finish, then stops every worker and exits cleanly', async () => {
    const workers = [...(await workerPids(c.base))];
    // A sign-in whose body is still arriving when SIGTERM comes: the worker has it, so it must answer.
    const body = JSON.stringify({ username: 'demo.learner', password: PASSWORD });
    let answered: number | undefined;
    const req = http.request(`${c.base}/api/v1/auth/login`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'x-dari-client': 'web',
        'content-length': String(Buffer.byteLength(body)),
      },
    });
    const done = new Promise<void>((resolve, reject) => {
      req.on('response', (res) => {
        answered = res.statusCode;
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 500));
    c.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    req.end(body.slice(10));
    await done;
    expect(answered).toBe(200);

    expect(await exited(c.child)).toBe(0);
    expect(c.output()).toContain('stopped cleanly');
    for (const pid of workers) expect(alive(pid)).toBe(false);
  }, 60_000);
});

describe('WEB_CONCURRENCY=2 without the test flag', () => {
  it('answers without naming the worker process', async () => {
    const db = await createTestDatabase();
    const c = await startCluster(db.url);
    try {
      for (let i = 0; i < 4; i++)
        expect((await request(c.base, '/api/v1/health')).headers['x-dari-worker']).toBeUndefined();
    } finally {
      c.child.kill('SIGTERM');
      expect(await exited(c.child)).toBe(0);
      await db.drop();
    }
  }, 90_000);
});
