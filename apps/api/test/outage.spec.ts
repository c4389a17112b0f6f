import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  callApi as call,
  randomListenPort,
  startDari,
  type ApiAnswer as Answer,
  type DariProcess,
} from './fixtures/dari-process.js';

// `npm start` (the compiled entry point) on its own embedded PostgreSQL, whose postmaster the tests
// kill with SIGKILL: Dari must answer 503 meanwhile, start it again, and give up loudly when it cannot.
// Under the OS temp folder: as root, PostgreSQL runs as `postgres`, which must reach it.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dari-outage-'));
chmodSync(dataDir, 0o755);
const PASSWORD = 'outage demo passphrase';
const autoConf = path.join(dataDir, 'pg18', 'postgresql.auto.conf');

type Server = DariProcess;

/** `npm start` on the test's own embedded database (in `dataDir`). */
async function start(env: Record<string, string> = {}): Promise<Server> {
  return startDari({
    port: randomListenPort(),
    env: { DARI_DATA_DIR: dataDir, DATABASE_URL: '', DARI_DEMO_PASSWORD: PASSWORD, ...env },
    detached: true,
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Its exit code, or 'still running' after `ms` (so the test fails and its `finally` still cleans up). */
const exited = (child: ChildProcess, ms = 30_000) =>
  new Promise<number | null | 'still running'>((r) => {
    if (child.exitCode !== null) {
      r(child.exitCode);
      return;
    }
    const timer = setTimeout(() => r('still running'), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      r(code);
    });
  });
/** After a failed test: the server, its workers and its database, whatever state they are in. */
function cleanUp(s: Server): void {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  try {
    process.kill(-s.child.pid!, 'SIGKILL');
  } catch {
    /* gone */
  }
  try {
    if (alive(postmasterPid())) process.kill(postmasterPid(), 'SIGKILL');
  } catch {
    /* no database running */
  }
}
const postmasterPid = () => Number(readFileSync(path.join(dataDir, 'pg18', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A signed-in learner enrolled in a starter course, and one of its lessons. */
async function learner(base: string): Promise<{ cookie: string; lessonId: string }> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dari-client': 'web', origin: base },
    body: JSON.stringify({ username: 'demo.learner', password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const catalog = await call(base, 'GET', '/courses', cookie);
  const slug = catalog.body.items[0].slug as string;
  const enrol = await call(base, 'POST', `/courses/${slug}/enrol`, cookie, {});
  expect([200, 201]).toContain(enrol.status);
  const course = await call(base, 'GET', `/courses/${slug}`, cookie);
  return { cookie, lessonId: course.body.modules[0].lessons[0].id };
}

const event = (lessonId: string) => ({
  id: randomUUID(),
  lessonId,
  occurredAt: new Date().toISOString(),
  type: 'time_spent',
  seconds: 1,
});

function expectUnavailable(a: Answer): void {
  expect(a.status).toBe(503);
  expect(a.body).toMatchObject({ status: 503, code: 'service_unavailable', retryAfter: 5 });
  expect(a.body.message).toMatch(/database/);
  expect(a.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(a.headers.get('retry-after')).toBe('5');
  expect(JSON.stringify(a.body)).not.toMatch(/ECONN|Connection terminated|SELECT|\.js:/);
}

describe('the embedded PostgreSQL dies under a running Dari', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers 503 with Retry-After while it is down, starts it again, and keeps every acknowledged event; SIGTERM during an outage is quick', async () => {
    const s = await start();
    try {
      const { cookie, lessonId } = await learner(s.base);
      const acknowledged: ReturnType<typeof event>[] = [];
      for (let i = 0; i < 5; i++) {
        const batch = Array.from({ length: 20 }, () => event(lessonId));
        const res = await call(s.base, 'POST', '/progress/events', cookie, { events: batch });
        expect(res.status).toBe(200);
        expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(batch.map(() => 'recorded'));
        acknowledged.push(...batch);
      }

      const first = postmasterPid();
      const killedAt = Date.now();
      process.kill(first, 'SIGKILL');
      const answers: Answer[] = [];
      let recoveredAt = 0;
      while (Date.now() - killedAt < 30_000) {
        const me = await call(s.base, 'GET', '/me', cookie);
        const batch = [event(lessonId)];
        const sent = await call(s.base, 'POST', '/progress/events', cookie, { events: batch });
        answers.push(me, sent);
        if (sent.status === 200) acknowledged.push(...batch);
        if (me.status === 200 && sent.status === 200 && answers.some((a) => a.status === 503)) {
          recoveredAt = Date.now();
          break;
        }
        await sleep(25);
      }
      const down = answers.filter((a) => a.status !== 200);
      expect(down.length, s.output()).toBeGreaterThan(0);
      for (const a of down) expectUnavailable(a);
      expect(recoveredAt, s.output()).toBeGreaterThan(0);
      process.stdout.write(
        `[outage] recovered ${recoveredAt - killedAt} ms after kill -9; ${down.length} answers were 503\n`,
      );
      expect(postmasterPid()).not.toBe(first);
      expect(alive(postmasterPid())).toBe(true);
      expect(s.output()).toMatch(/PostgreSQL \(pid \d+\) stopped unexpectedly \(killed by SIGKILL\)/);
      expect(s.output()).toMatch(/starting PostgreSQL again in 0\.5 s \(attempt 1 of 5\)/);
      expect(s.output()).toMatch(/PostgreSQL is running again/);
      // One warning for the outage, not a 500 with a stack for every request.
      expect(s.output()).not.toMatch(/request failed|internal_error/);
      expect(s.output().match(/database unavailable/g)?.length ?? 0).toBeLessThanOrEqual(2);

      // Every event acknowledged before, during and after the outage is stored: sent again, each is a duplicate.
      for (let i = 0; i < acknowledged.length; i += 100) {
        const again = await call(s.base, 'POST', '/progress/events', cookie, {
          events: acknowledged.slice(i, i + 100),
        });
        expect(again.status).toBe(200);
        expect(new Set(again.body.results.map((r: { status: string }) => r.status))).toEqual(new Set(['duplicate']));
      }
      expect((await call(s.base, 'GET', '/health')).status).toBe(200);

      // Now an outage it cannot end (the configuration is broken): SIGTERM must still stop Dari at once.
      appendFileSync(autoConf, '\nthis line is not valid\n');
      process.kill(postmasterPid(), 'SIGKILL');
      // A crash within a minute of the last restart continues the count (a crash loop ends in giving up).
      const failedStart =
        /did not start \(attempt [2-5] of 5\): .*configuration file "postgresql.auto.conf" contains errors/;
      for (let i = 0; i < 100 && !failedStart.test(s.output()); i++) await sleep(100);
      expect(s.output(), s.output()).toMatch(failedStart);
      const health = await call(s.base, 'GET', '/health');
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toBe('5');
      expectUnavailable(await call(s.base, 'GET', '/me', cookie));
      const termAt = Date.now();
      s.child.kill('SIGTERM');
      expect(await exited(s.child)).toBe(0);
      const took = Date.now() - termAt;
      process.stdout.write(`[outage] SIGTERM during the outage took ${took} ms\n`);
      expect(took).toBeLessThan(5_000);
      expect(s.output()).toContain('stopped cleanly');
    } finally {
      cleanUp(s);
      writeFileSync(autoConf, readFileSync(autoConf, 'utf8').replace('\nthis line is not valid\n', ''));
    }
  }, 120_000);

  for (const workers of ['1', '2']) {
    it(`gives up after DARI_DB_RESTART_ATTEMPTS failed restarts and exits non-zero (WEB_CONCURRENCY=${workers})`, async () => {
      const s = await start({ DARI_DB_RESTART_ATTEMPTS: '2', WEB_CONCURRENCY: workers });
      try {
        appendFileSync(autoConf, '\nthis line is not valid\n');
        process.kill(postmasterPid(), 'SIGKILL');
        const killedAt = Date.now();
        expect(await exited(s.child)).toBe(1);
        process.stdout.write(
          `[outage] gave up and exited ${Date.now() - killedAt} ms after kill -9 (WEB_CONCURRENCY=${workers})\n`,
        );
        expect(s.output()).toMatch(/did not start \(attempt 1 of 2\)/);
        expect(s.output()).toMatch(/did not start \(attempt 2 of 2\)/);
        expect(s.output()).toMatch(/could not be started again after 2 attempts.*Dari is stopping \(exit code 1\)/);
        expect(s.output()).not.toMatch(/attempt 3/);
      } finally {
        cleanUp(s);
        writeFileSync(autoConf, readFileSync(autoConf, 'utf8').replace('\nthis line is not valid\n', ''));
      }
    }, 90_000);
  }
});
