import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '@dari/contracts';
import { TEST_PASSWORD, TestApp, uniqueName } from './test-app.js';

describe('sign-in, sessions and the account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('signs in with username and password and answers /me', async () => {
    const u = await t.createUser('learner');
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { username: u.username.toUpperCase(), password: u.password },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: u.id,
      username: u.username,
      role: 'learner',
      locale: 'ko',
      sharedDevice: false,
    });
    expect(Object.keys(res.body).sort()).toEqual([
      'createdAt',
      'displayName',
      'id',
      'locale',
      'role',
      'sharedDevice',
      'username',
    ]);
    const me = await t.request('GET', '/api/v1/me', { cookie: res.cookie });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(u.id);
  });

  it('sets an opaque HttpOnly SameSite=Lax cookie that lasts weeks, Secure only behind TLS', async () => {
    const u = await t.createUser('learner');
    const res = await t.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: u.password } });
    expect(res.rawCookie).toMatch(/HttpOnly/);
    expect(res.rawCookie).toMatch(/SameSite=Lax/);
    expect(res.rawCookie).not.toMatch(/Secure/);
    expect(Number(/Max-Age=(\d+)/.exec(res.rawCookie!)![1])).toBeGreaterThanOrEqual(14 * 86400);
    expect(res.cookie!.length).toBeGreaterThanOrEqual(40);
    // Only the hash is stored.
    const rows = await t.db.query(`SELECT token_hash FROM sessions WHERE user_id = $1`, [u.id]);
    expect(rows[0].token_hash).not.toContain(res.cookie);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('marks the cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const proxied = await TestApp.create({ DARI_TRUST_PROXY: 'true' });
    try {
      const u = await proxied.createUser('learner');
      const res = await proxied.request('POST', '/api/v1/auth/login', {
        body: { username: u.username, password: u.password },
        headers: { 'x-forwarded-proto': 'https', origin: 'https://localhost:80' },
      });
      expect(res.status).toBe(200);
      expect(res.rawCookie).toMatch(/; Secure/);
      // Over TLS the cookie is a __Host- cookie (Secure, Path=/, no Domain) and HSTS is sent.
      expect(res.rawCookie).toMatch(/^__Host-dari_session=[^;]+;/);
      expect(res.rawCookie).toMatch(/; Path=\//);
      expect(res.rawCookie).not.toMatch(/Domain=/i);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const me = await proxied.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { 'x-forwarded-proto': 'https', cookie: `__Host-dari_session=${res.cookie}` },
      });
      expect(me.statusCode).toBe(200);
      // A plain-named cookie (planted by a subdomain or over HTTP) is not read over TLS.
      const planted = await proxied.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { 'x-forwarded-proto': 'https', cookie: `dari_session=${res.cookie}` },
      });
      expect(planted.statusCode).toBe(401);
    } finally {
      await proxied.close();
    }
  });

  it('sends no HSTS over plain HTTP, and a Permissions-Policy that turns off what Dari never uses', async () => {
    const res = await t.request('GET', '/api/v1/health');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(String(res.headers['permissions-policy'])).toMatch(
      /camera=\(\), microphone=\(\), geolocation=\(\), payment=\(\)/,
    );
    const missing = await t.request('GET', '/api/v1/no-such-route');
    expect(String(missing.headers['permissions-policy'])).toContain('camera=()');
  });

  it('with DARI_PUBLIC_URL set, refuses a request for another Host (421, the usual error shape) and serves its own names', async () => {
    const pinned = await TestApp.create({ DARI_PUBLIC_URL: 'https://dari.example.org' });
    try {
      const at = (host: string) => pinned.app.inject({ method: 'GET', url: '/api/v1/health', headers: { host } });
      for (const host of ['dari.example.org', 'DARI.example.org:443', 'localhost:3000', '127.0.0.1', '[::1]:3000'])
        expect((await at(host)).statusCode, host).toBe(200);
      const other = await at('evil.example.com');
      expect(other.statusCode).toBe(421);
      expect(JSON.parse(other.body)).toMatchObject({ status: 421, code: 'wrong_host', requestId: expect.any(String) });
      expect(other.headers['cache-control']).toBe('no-store');
    } finally {
      await pinned.close();
    }
  });

  it('a shared phone gets a browser-session cookie and a short session', async () => {
    const u = await t.createUser('learner');
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { username: u.username, password: u.password, sharedDevice: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.sharedDevice).toBe(true);
    expect(res.rawCookie).not.toMatch(/Max-Age/);
    const [s] = await t.db.query(`SELECT expires_at, idle_expires_at FROM sessions WHERE user_id = $1`, [u.id]);
    expect(new Date(s.expires_at).getTime() - Date.now()).toBeLessThanOrEqual(12 * 3600_000 + 5000);
    expect(new Date(s.idle_expires_at).getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000 + 5000);
    expect((await t.request('GET', '/api/v1/me', { cookie: res.cookie })).body.sharedDevice).toBe(true);
  });

  it('stores passwords as argon2id with m=19456, t=2, p=1', async () => {
    const u = await t.createUser('learner');
    const [row] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [u.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('answers an unknown user and a wrong password the same way', async () => {
    const u = await t.createUser('learner');
    const wrong = await t.request('POST', '/api/v1/auth/login', {
      body: { username: u.username, password: 'not the password' },
    });
    const unknown = await t.request('POST', '/api/v1/auth/login', {
      body: { username: uniqueName('nobody'), password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body).toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(wrong.cookie).toBeUndefined();
  });

  it('takes about as long for an unknown user as for a wrong password', async () => {
    const u = await t.createUser('learner');
    const time = async (username: string) => {
      const start = performance.now();
      await t.request('POST', '/api/v1/auth/login', { body: { username, password: 'not the password' } });
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(u.username));
      unknown.push(await time(uniqueName('ghost')));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // Both run one argon2 verification; without the dummy hash the unknown user would answer in ~1 ms.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('validates the sign-in body before anything else: 400 naming the field', async () => {
    const missing = await t.request('POST', '/api/v1/auth/login', { body: { username: 'someone' } });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('validation_failed');
    expect(missing.body.fields).toEqual([{ path: 'body.password', message: 'is required' }]);
    const extra = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'someone', password: 'x', role: 'admin' },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.fields[0].message).toMatch(/unknown field: role/);
    const wrongType = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'someone', password: 'long enough', sharedDevice: 'yes' },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.fields[0].path).toBe('body.sharedDevice');
  });

  it('turns malformed, empty, oversized and non-JSON bodies into clear 4xx answers', async () => {
    const malformed = await t.request('POST', '/api/v1/auth/login', { payload: '{"username": "a",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('invalid_json');
    expect(malformed.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const empty = await t.request('POST', '/api/v1/auth/login', { payload: '' });
    expect([400]).toContain(empty.status);
    const huge = await t.request('POST', '/api/v1/auth/login', {
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
    const text = await t.request('POST', '/api/v1/auth/login', {
      payload: 'username=a',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    const proto = await t.request('POST', '/api/v1/auth/login', {
      payload: '{"__proto__": {"admin": true}, "username": "a", "password": "b"}',
    });
    expect(proto.status).toBe(400);
    for (const r of [malformed, empty, huge, text, proto])
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.js|node_modules|SELECT/);
  });

  it('logout ends the session at once', async () => {
    const u = await t.signedIn('learner');
    expect((await t.request('POST', '/api/v1/auth/logout', { cookie: u.cookie })).status).toBe(204);
    const after = await t.request('GET', '/api/v1/me', { cookie: u.cookie });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');
  });

  it('signing in again replaces the old session (rotation)', async () => {
    const u = await t.createUser('learner');
    const first = await t.login(u.username);
    const second = (
      await t.request('POST', '/api/v1/auth/login', {
        body: { username: u.username, password: TEST_PASSWORD },
        cookie: first,
      })
    ).cookie!;
    expect(second).not.toBe(first);
    expect((await t.request('GET', '/api/v1/me', { cookie: first })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/me', { cookie: second })).status).toBe(200);
  });

  it('sign out everywhere ends every session of the person, and only theirs', async () => {
    const u = await t.createUser('learner');
    const phone = await t.login(u.username);
    const laptop = await t.login(u.username);
    const other = await t.signedIn('learner');
    expect((await t.request('POST', '/api/v1/auth/logout-all', { cookie: phone })).status).toBe(204);
    expect((await t.request('GET', '/api/v1/me', { cookie: phone })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/me', { cookie: laptop })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/me', { cookie: other.cookie })).status).toBe(200);
  });

  it('ends a session after its idle timeout and after its absolute timeout', async () => {
    const idle = await t.signedIn('learner');
    await t.db.query(`UPDATE sessions SET idle_expires_at = now() - interval '1 second' WHERE user_id = $1`, [idle.id]);
    const idleRes = await t.request('GET', '/api/v1/me', { cookie: idle.cookie });
    expect(idleRes.status).toBe(401);
    expect(idleRes.rawCookie).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/); // the dead cookie is cleared
    const old = await t.signedIn('learner');
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [old.id]);
    expect((await t.request('GET', '/api/v1/me', { cookie: old.cookie })).status).toBe(401);
  });

  it('pushes the idle deadline forward while the session is used', async () => {
    const u = await t.signedIn('learner');
    await t.db.query(
      `UPDATE sessions SET last_seen_at = now() - interval '2 minutes', idle_expires_at = now() + interval '1 minute' WHERE user_id = $1`,
      [u.id],
    );
    expect((await t.request('GET', '/api/v1/me', { cookie: u.cookie })).status).toBe(200);
    const [s] = await t.db.query(`SELECT idle_expires_at FROM sessions WHERE user_id = $1`, [u.id]);
    expect(new Date(s.idle_expires_at).getTime() - Date.now()).toBeGreaterThan(29 * 86400_000);
  });

  it('an unknown or garbage cookie is simply not signed in', async () => {
    expect((await t.request('GET', '/api/v1/me', { cookie: 'x'.repeat(43) })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/me', { cookie: 'x'.repeat(5000) })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/me')).status).toBe(401);
  });

  it('changes display name and language, and nothing else', async () => {
    const u = await t.signedIn('learner');
    const ok = await t.request('PATCH', '/api/v1/me', {
      cookie: u.cookie,
      body: { displayName: '  새 이름 ', locale: 'zh' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ displayName: '새 이름', locale: 'zh', role: 'learner' });
    const escalate = await t.request('PATCH', '/api/v1/me', { cookie: u.cookie, body: { role: 'admin' } });
    expect(escalate.status).toBe(400);
    expect(escalate.body.fields[0].message).toMatch(/unknown field: role/);
    const badLocale = await t.request('PATCH', '/api/v1/me', { cookie: u.cookie, body: { locale: 'fr' } });
    expect(badLocale.status).toBe(400);
    expect(badLocale.body.fields[0].path).toBe('body.locale');
    const long = await t.request('PATCH', '/api/v1/me', { cookie: u.cookie, body: { displayName: '가'.repeat(51) } });
    expect(long.status).toBe(400);
    const control = await t.request('PATCH', '/api/v1/me', { cookie: u.cookie, body: { displayName: 'a\u202eb' } });
    expect(control.status).toBe(400);
    const empty = await t.request('PATCH', '/api/v1/me', { cookie: u.cookie, body: {} });
    expect(empty.status).toBe(400);
    const me = await t.request('GET', '/api/v1/me', { cookie: u.cookie });
    expect(me.body).toMatchObject({ displayName: '새 이름', locale: 'zh', role: 'learner' });
  });

  it('changing the password needs the current one, refuses common ones, and ends the other sessions', async () => {
    const u = await t.createUser('learner');
    const here = await t.login(u.username);
    const elsewhere = await t.login(u.username);
    const wrong = await t.request('POST', '/api/v1/me/password', {
      cookie: here,
      body: { currentPassword: 'nope nope', newPassword: 'a brand new passphrase' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('wrong_password');
    const common = await t.request('POST', '/api/v1/me/password', {
      cookie: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'password123' },
    });
    expect(common.status).toBe(400);
    expect(common.body.code).toBe('password_too_common');
    // Weak but on no list (the outside probe's case), and a Korean word typed with the keyboard in English mode.
    for (const weak of ['aaaaaaaa', 'tkfkdgo1234']) {
      const res = await t.request('POST', '/api/v1/me/password', {
        cookie: here,
        body: { currentPassword: TEST_PASSWORD, newPassword: weak },
      });
      expect(res.status, weak).toBe(400);
      expect(res.body).toMatchObject({
        code: 'password_too_common',
        fields: [{ path: 'body.password', message: 'is too common or too easy to guess' }],
      });
    }
    const short = await t.request('POST', '/api/v1/me/password', {
      cookie: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.fields[0]).toEqual({ path: 'body.newPassword', message: 'must be at least 8 characters' });
    const tooLong = await t.request('POST', '/api/v1/me/password', {
      cookie: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(129) },
    });
    expect(tooLong.status).toBe(400);
    t.secrets.add('a brand new passphrase');
    const ok = await t.request('POST', '/api/v1/me/password', {
      cookie: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(ok.status).toBe(204);
    expect((await t.request('GET', '/api/v1/me', { cookie: here })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/me', { cookie: elsewhere })).status).toBe(401);
    expect(
      (await t.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: TEST_PASSWORD } }))
        .status,
    ).toBe(401);
    expect(
      (
        await t.request('POST', '/api/v1/auth/login', {
          body: { username: u.username, password: 'a brand new passphrase' },
        })
      ).status,
    ).toBe(200);
  });

  it('records sign-ins and failures in the audit log without personal data', async () => {
    const u = await t.createUser('learner');
    await t.login(u.username);
    await t.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: 'wrong wrong' } });
    const rows = await t.db.query(
      `SELECT action, actor_id, target_user_id, details::text AS details FROM audit_events WHERE target_user_id = $1 ORDER BY occurred_at`,
      [u.id],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['user.created', 'login.succeeded', 'login.failed']);
    expect(JSON.stringify(rows)).not.toContain(u.username);
  });
});

describe('CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('refuses a state-changing request from a foreign origin, or with neither origin nor the app header', async () => {
    const u = await t.signedIn('learner');
    const foreign = await t.request('PATCH', '/api/v1/me', {
      cookie: u.cookie,
      body: { displayName: 'hacked' },
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('csrf_rejected');
    const crossSite = await t.request('PATCH', '/api/v1/me', {
      cookie: u.cookie,
      body: { displayName: 'hacked' },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const bare = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: `dari_session=${u.cookie}`, 'content-type': 'application/json' },
      payload: '{"displayName":"hacked"}',
    });
    expect(bare.statusCode).toBe(403);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      payload: '{"username":"a","password":"b"}',
    });
    expect(login.statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/me', { cookie: u.cookie })).body.displayName).not.toBe('hacked');
  });

  it('accepts the same origin without the header, and reads need neither', async () => {
    const u = await t.signedIn('learner');
    const same = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: {
        cookie: `dari_session=${u.cookie}`,
        'content-type': 'application/json',
        origin: 'http://localhost:80',
        host: 'localhost:80',
      },
      payload: '{"displayName":"같은 곳"}',
    });
    expect(same.statusCode).toBe(200);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `dari_session=${u.cookie}`, origin: 'https://elsewhere.example' },
    });
    expect(read.statusCode).toBe(200);
  });
});

describe('sign-in throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ DARI_LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', DARI_LOGIN_MAX_FAILURES_PER_IP: '40' });
  });
  afterAll(() => t.close());

  it('answers 429 with a wait after repeated failures on one account, even with the right password, and leaves other accounts alone', async () => {
    const victim = await t.createUser('learner');
    const bystander = await t.createUser('learner');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await t.request('POST', '/api/v1/auth/login', {
            body: { username: victim.username, password: `guess ${i} guess` },
          })
        ).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await t.request('POST', '/api/v1/auth/login', {
      body: { username: victim.username, password: TEST_PASSWORD },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_attempts');
    expect(blocked.body.retryAfter).toBeGreaterThan(0);
    expect(blocked.body.retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(Number(blocked.headers['retry-after'])).toBe(blocked.body.retryAfter);
    expect(
      (
        await t.request('POST', '/api/v1/auth/login', {
          body: { username: bystander.username, password: TEST_PASSWORD },
        })
      ).status,
    ).toBe(200);
    // Not permanent: when the window has passed, the right password works again.
    t.clock.advance(15 * 60_000);
    expect(
      (await t.request('POST', '/api/v1/auth/login', { body: { username: victim.username, password: TEST_PASSWORD } }))
        .status,
    ).toBe(200);
  });

  it('counts concurrent guesses atomically', async () => {
    const victim = await t.createUser('learner');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.request('POST', '/api/v1/auth/login', {
          body: { username: victim.username, password: `parallel guess ${i}` },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it('limits one address across accounts, counting malformed attempts too', async () => {
    await t.db.query(`DELETE FROM login_throttle`);
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) {
      const body = i % 2 ? { username: uniqueName('spray'), password: 'spray spray' } : { username: 'x' };
      statuses.push((await t.request('POST', '/api/v1/auth/login', { body, remoteAddress: '203.0.113.9' })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(15);
    // Another address is not held back by this one's attempts.
    const other = await t.request('POST', '/api/v1/auth/login', {
      body: { username: uniqueName('spray'), password: 'spray spray' },
      remoteAddress: '203.0.113.10',
    });
    expect(other.status).toBe(401);
  });
});

// Guessing one-time codes: reset codes and join codes are throttled like sign-in, and long enough.
describe('codes: throttling and entropy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ DARI_LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', DARI_LOGIN_MAX_FAILURES_PER_IP: '10' });
  });
  afterAll(() => t.close());

  const admin = () => t.signedIn('admin');

  it('guessing reset codes for one account ends in 429, even for the right code, and leaves other accounts alone', async () => {
    const a = await admin();
    const victim = await t.createUser('learner');
    const bystander = await t.createUser('learner');
    const code = (await t.request('POST', `/api/v1/admin/users/${victim.id}/reset-code`, { cookie: a.cookie })).body
      .code as string;
    const other = (await t.request('POST', `/api/v1/admin/users/${bystander.id}/reset-code`, { cookie: a.cookie })).body
      .code as string;
    t.secrets.add(code);
    t.secrets.add(other);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const guess = `ABCD-EFGH-JK${'23456789'[i]}${'23456789'[i]}`;
      statuses.push(
        (
          await t.request('POST', '/api/v1/auth/redeem-reset-code', {
            body: { username: victim.username, code: guess, newPassword: 'a fresh passphrase 1' },
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses[5]).toBe(429);
    const right = await t.request('POST', '/api/v1/auth/redeem-reset-code', {
      body: { username: victim.username, code, newPassword: 'a fresh passphrase 1' },
    });
    expect(right.status).toBe(429);
    expect(right.body.retryAfter).toBeGreaterThan(0);
    expect(
      (
        await t.request('POST', '/api/v1/auth/redeem-reset-code', {
          body: { username: bystander.username, code: other, newPassword: 'a fresh passphrase 2' },
        })
      ).status,
    ).toBe(204);
  });

  it('guessing join codes from one address ends in 429 (preview and joining both count)', async () => {
    await t.db.query(`DELETE FROM login_throttle`);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const guess = `ABCDE-FGH${'23456789'[i % 8]}${'23456789'[(i + 3) % 8]}`;
      const res =
        i % 2
          ? await t.request('GET', `/api/v1/join/${guess}`)
          : await t.request('POST', '/api/v1/join', {
              body: {
                code: guess,
                username: uniqueName('guess'),
                displayName: '추측',
                password: TEST_PASSWORD,
                locale: 'ko',
                acceptPrivacy: true,
                privacyVersion: PRIVACY_NOTICE_VERSION,
              },
            });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404 || s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses).not.toContain(500);
  });

  it('codes come from a 31-letter unambiguous alphabet, long enough to resist guessing, and do not repeat', async () => {
    const { RESET_CODE_ALPHABET } = await import('@dari/contracts');
    const { randomCode } = await import('../src/join/index.js');
    const bits = (length: number) => length * Math.log2(RESET_CODE_ALPHABET.length);
    expect(RESET_CODE_ALPHABET).toHaveLength(31);
    expect(RESET_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    const a = await admin();
    const u = await t.createUser('learner');
    const reset = (await t.request('POST', `/api/v1/admin/users/${u.id}/reset-code`, { cookie: a.cookie })).body
      .code as string;
    t.secrets.add(reset);
    expect(reset).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(bits(reset.replace(/-/g, '').length)).toBeGreaterThan(59); // 12 letters ≈ 59.4 bits; 5 guesses per 15 minutes
    expect(bits(10)).toBeGreaterThan(49); // join codes: 10 letters ≈ 49.5 bits, throttled per address
    const sample = Array.from({ length: 5000 }, () => randomCode(10));
    expect(new Set(sample).size).toBe(sample.length);
    const counts = new Map<string, number>();
    for (const ch of sample.join('')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(31);
    // Uniform: each letter about 50,000 / 31 ≈ 1613 times; a biased generator would stray far.
    for (const n of counts.values()) expect(Math.abs(n - 50_000 / 31)).toBeLessThan(250);
    // Sessions: 32 random bytes.
    const s = await t.signedIn('learner');
    expect(Buffer.from(s.cookie, 'base64url').length).toBeGreaterThanOrEqual(32);
  });
});
