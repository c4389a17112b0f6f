import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@dari/contracts';
import { createApp } from '../src/app.factory.js';
import { SessionsService } from '../src/auth/sessions.service.js';
import { loadConfig } from '../src/config/app-config.js';
import { TestApp } from './test-app.js';

// Two API instances on one database (as two processes, or two workers): each answers sessions from
// its own memory, and a revocation on one is refused by the other as soon as PostgreSQL's notice reaches
// it (milliseconds; migration SessionRevocationNotify, src/auth/session-cache.ts), long before the 30 s
// an entry may live. The instance that revoked refuses at once.

describe('session cache: revocation across instances', () => {
  let a: TestApp;
  let b: NestFastifyApplication;
  beforeAll(async () => {
    a = await TestApp.create();
    b = await createApp(loadConfig({ LOG_LEVEL: 'warn', DARI_WEB_DIST: '/nonexistent' }, a.dbUrl));
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const cacheOf = (app: NestFastifyApplication) => app.get(SessionsService).cache;
  const meOnB = async (cookie: string) =>
    (await b.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `${SESSION_COOKIE}=${cookie}` } }))
      .statusCode;
  const meOnA = async (cookie: string) => (await a.request('GET', '/api/v1/me', { cookie })).status;
  const cached = (app: NestFastifyApplication, cookie: string) =>
    cacheOf(app).get(SessionsService.hashToken(cookie)) !== undefined;

  it('sign-out, disabling and the end of other sessions on one instance are refused on the other as soon as its notice arrives', async () => {
    expect(cacheOf(a.app).active && cacheOf(b).active).toBe(true);

    // Sign-out on A; B had the session in memory.
    const u = await a.signedIn('learner');
    expect([await meOnA(u.cookie), await meOnB(u.cookie)]).toEqual([200, 200]);
    expect(cached(b, u.cookie)).toBe(true);
    expect((await a.request('POST', '/api/v1/auth/logout', { cookie: u.cookie })).status).toBe(204);
    await expect.poll(() => meOnB(u.cookie), { timeout: 2_000, interval: 5 }).toBe(401);

    // An admin on A disables an account whose session B holds.
    const admin = await a.signedIn('admin');
    const v = await a.signedIn('learner');
    expect(await meOnB(v.cookie)).toBe(200);
    expect(cached(b, v.cookie)).toBe(true);
    const off = await a.request('PATCH', `/api/v1/admin/users/${v.id}`, {
      cookie: admin.cookie,
      body: { status: 'disabled' },
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    // Disabling ends the sessions inside the admin's transaction, so its answer does not wait for the
    // notice (users/ owns it); B refuses as soon as the notice arrives (a few milliseconds).
    await expect.poll(() => meOnB(v.cookie), { timeout: 2_000, interval: 5 }).toBe(401);

    // "Sign out everywhere" from one device on A: the other device's session, held by B, ends.
    const w = await a.createUser('learner');
    const [phone, laptop] = [await a.login(w.username), await a.login(w.username)];
    expect([await meOnB(phone), await meOnB(laptop)]).toEqual([200, 200]);
    expect((await a.request('POST', '/api/v1/auth/logout-all', { cookie: phone })).status).toBe(204);
    expect(await meOnA(laptop)).toBe(401);
    // A answers only after its own listener heard the notice; B's listener hears the same notice on its own
    // connection, a moment apart on a loaded machine (seen on CI: one request in between), never the cache's 30 s.
    await expect.poll(() => meOnB(laptop), { timeout: 2_000, interval: 5 }).toBe(401);
  });

  it('while the listening connection is down the cache is bypassed (a revocation is never late), then it listens again', async () => {
    const u = await a.signedIn('learner');
    expect(await meOnB(u.cookie)).toBe(200);
    expect(cached(b, u.cookie)).toBe(true);
    // Both instances lose their listening connections (an outage of that connection alone).
    await a.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'dari-sessions' AND datname = current_database()`,
    );
    await expect.poll(() => cacheOf(b).active, { timeout: 10_000 }).toBe(false);
    // A revocation nobody hears: B asks the database, so it is refused all the same.
    await a.db.query(`DELETE FROM sessions WHERE user_id = $1`, [u.id]);
    expect(cached(b, u.cookie)).toBe(false);
    expect(await meOnB(u.cookie)).toBe(401);
    // It reconnects by itself and serves from memory again.
    await expect.poll(() => cacheOf(b).active, { timeout: 20_000 }).toBe(true);
    const v = await a.signedIn('learner');
    expect(await meOnB(v.cookie)).toBe(200);
    expect(cached(b, v.cookie)).toBe(true);
  });
});
