import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-db.js';

// Two API processes on one database (what `docker compose up --scale api=N` runs): sessions and
// sign-in throttling live in PostgreSQL, so either instance answers for the other.
const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'start.js');

/** A port the OS says is free now (a random pick in 30000–50000 could collide with the ephemeral ports of other tests' connections). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts one instance; if it could not listen (the port was taken in between), once more on another port. */
async function startInstance(databaseUrl: string, attempts = 3): Promise<{ child: ChildProcess; base: string }> {
  try {
    return await startOnce(databaseUrl, await freePort());
  } catch (e) {
    if (attempts > 1 && e instanceof Error && e.message === 'instance exited')
      return startInstance(databaseUrl, attempts - 1);
    throw e;
  }
}

async function startOnce(databaseUrl: string, port: number): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DARI_DEMO_PASSWORD: 'two instances passphrase',
      DARI_WEB_DIST: '/nonexistent',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('instance exited');
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { child, base };
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('instance did not start');
}

describe('two API instances on one database', () => {
  let db: { url: string; drop: () => Promise<void> };
  let a: { child: ChildProcess; base: string };
  let b: { child: ChildProcess; base: string };
  beforeAll(async () => {
    db = await createTestDatabase();
    // Both start at once: migrations take turns under their advisory lock.
    [a, b] = await Promise.all([startInstance(db.url), startInstance(db.url)]);
  }, 90_000);
  afterAll(async () => {
    // beforeAll may have failed before setting these.
    for (const x of [a, b] as (typeof a | undefined)[]) {
      x?.child.kill('SIGTERM');
      if (x && x.child.exitCode === null) await new Promise((r) => x.child.once('exit', r));
    }
    await db.drop();
  });

  const signIn = async (base: string) => {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dari-client': 'web' },
      body: JSON.stringify({ username: 'demo.learner', password: 'two instances passphrase' }),
    });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0];
  };
  const me = (base: string, cookie: string) =>
    fetch(`${base}/api/v1/me`, { headers: { cookie } }).then((r) => r.status);

  it('a session made on one instance is valid on the other, and signing out on one ends it on both', async () => {
    const cookie = await signIn(a.base);
    expect(await me(b.base, cookie)).toBe(200);
    const out = await fetch(`${b.base}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-dari-client': 'web' },
    });
    expect(out.status).toBe(204);
    expect(await me(a.base, cookie)).toBe(401);
    expect(await me(b.base, cookie)).toBe(401);
  });

  it('the starter curriculum and demo accounts were created once, not twice', async () => {
    const cookie = await signIn(b.base);
    const catalog = (await (await fetch(`${a.base}/api/v1/courses`, { headers: { cookie } })).json()) as {
      items: unknown[];
    };
    expect(catalog.items).toHaveLength(4);
    const pg = await import('pg');
    const c = new pg.default.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM users WHERE username LIKE 'demo.%'`);
    await c.end();
    expect(rows[0].n).toBe(4);
  });
});
