import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, TestApp, uniqueName } from './test-app.js';

// Issue 21, item 4: one person must not lock a whole classroom out (docs/sign-in-limits.md).

interface Attempt {
  status: number;
  body: { code?: string; retryAfter?: number; [k: string]: unknown };
  headers: Record<string, unknown>;
  /** The device cookie the answer set, if any (value only). */
  device?: string;
  /** Its whole Set-Cookie line. */
  rawDevice?: string;
  session?: string;
}

interface Options {
  ip?: string;
  /** The device cookie to send. */
  device?: string;
  sharedDevice?: boolean;
  /** Over TLS through a trusted proxy (the app must trust proxies). */
  tls?: boolean;
}

function signIn(t: TestApp, username: string, password: string, o: Options = {}): Promise<Attempt> {
  return attempt(
    t,
    { username, password, ...(o.sharedDevice !== undefined ? { sharedDevice: o.sharedDevice } : {}) },
    o,
  );
}

async function attempt(t: TestApp, body: unknown, o: Options = {}): Promise<Attempt> {
  const name = o.tls ? '__Host-dari_device' : 'dari_device';
  const headers: Record<string, string> = { 'x-dari-client': 'web', 'content-type': 'application/json' };
  if (o.device) headers.cookie = `${name}=${o.device}`;
  if (o.tls) Object.assign(headers, { 'x-forwarded-proto': 'https', origin: 'https://localhost:80' });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers,
    remoteAddress: o.ip ?? '127.0.0.1',
    payload: JSON.stringify(body),
  });
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const rawDevice = cookies.find((c) => /^(__Host-)?dari_device=/.test(c));
  const device = rawDevice?.split(';')[0].replace(/^[^=]*=/, '') || undefined;
  const session =
    cookies
      .find((c) => /^(__Host-)?dari_session=/.test(c))
      ?.split(';')[0]
      .replace(/^[^=]*=/, '') || undefined;
  if (device) t.secrets.add(device);
  if (session) t.secrets.add(session);
  return {
    status: res.statusCode,
    body: res.body ? JSON.parse(res.body) : {},
    headers: res.headers,
    device,
    rawDevice,
    session,
  };
}

/** `n` wrong passwords on one account from one address: the statuses. */
async function guess(t: TestApp, username: string, n: number, o: Options = {}): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await signIn(t, username, `wrong guess ${i} ${uniqueName()}`, o)).status);
  return statuses;
}

describe('sign-in limits: a classroom behind one address (default settings)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('30 learners who signed in on their phones before still sign in after one person made 100 failed attempts from their address', async () => {
    const classroom = '198.51.100.7';
    const learners = await Promise.all(Array.from({ length: 30 }, () => t.createUser('learner')));
    // Last week's lesson, or this morning: each learner signed in on their own phone (and these
    // 30 successes do not count toward the address's limit).
    const devices: string[] = [];
    for (const l of learners) {
      const first = await signIn(t, l.username, l.password, { ip: classroom });
      expect(first.status).toBe(200);
      devices.push(first.device!);
    }
    // One person in the room guesses: 100 wrong passwords, on classmates' accounts (10 each) and on made-up names.
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const username = i < 50 ? learners[i % 5].username : uniqueName('nobody');
      statuses.push((await signIn(t, username, `guess number ${i}`, { ip: classroom })).status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(100);
    // The address is now held back for devices Dari does not know, the guesser included…
    const held = await signIn(t, uniqueName('nobody'), 'one more guess', { ip: classroom });
    expect(held.status).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    const newPhone = await t.createUser('learner');
    expect((await signIn(t, newPhone.username, newPhone.password, { ip: classroom })).status).toBe(429);
    // …but every learner on their own phone signs in, those whose accounts were guessed at too.
    const results: number[] = [];
    for (const [i, l] of learners.entries())
      results.push((await signIn(t, l.username, l.password, { ip: classroom, device: devices[i] })).status);
    expect(results).toEqual(learners.map(() => 200));
    // The guessed accounts are locked for other devices all the same.
    expect((await signIn(t, learners[0].username, learners[0].password, { ip: '192.0.2.50' })).status).toBe(429);
  }, 240_000);
});

describe('sign-in limits: accounts, devices and addresses', () => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({
      DARI_LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
      DARI_LOGIN_MAX_FAILURES_PER_DEVICE: '4',
      DARI_LOGIN_MAX_FAILURES_PER_IP: '8',
      DARI_LOGIN_MAX_FAILURES_PER_IP_KNOWN_DEVICES: '30',
    });
    proxied = await TestApp.create({ DARI_TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
  });

  it('a successful sign-in sets a device cookie: HttpOnly, SameSite=Lax, a year, signed, naming no one; none on a shared device', async () => {
    const u = await t.createUser('learner');
    const res = await signIn(t, u.username, u.password);
    expect(res.status).toBe(200);
    expect(res.rawDevice).toMatch(/^dari_device=[^;]+; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(res.device).toMatch(new RegExp(`^v1\\.${u.id}\\.[A-Za-z0-9_-]{22}\\.[0-9a-z]+\\.[A-Za-z0-9_-]{43}$`));
    expect(res.device).not.toContain(u.username);
    // The signing secret was made on first use and stays in the database.
    const [secret] = await t.db.query(`SELECT value FROM app_secrets WHERE name = 'device_cookie'`);
    expect(Buffer.from(secret.value, 'base64url').length).toBe(32);
    t.secrets.add(secret.value);
    // A failure sets none; nor does a sign-in on a shared phone (it is not the person's own device).
    expect((await signIn(t, u.username, 'not the password')).device).toBeUndefined();
    const shared = await signIn(t, u.username, u.password, { sharedDevice: true });
    expect(shared.status).toBe(200);
    expect(shared.device).toBeUndefined();
  });

  it('over TLS the device cookie is __Host-dari_device and Secure; a plain-named one is not read there', async () => {
    const u = await proxied.createUser('learner');
    const res = await signIn(proxied, u.username, u.password, { tls: true });
    expect(res.status).toBe(200);
    expect(res.rawDevice).toMatch(/^__Host-dari_device=[^;]+;/);
    expect(res.rawDevice).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(res.rawDevice).not.toMatch(/Domain=/i);
    // Lock the account for other devices (10 wrong passwords by default), then: the __Host- cookie
    // exempts, the same value under the plain name (planted by a subdomain or over HTTP) does not.
    expect((await guess(proxied, u.username, 11, { tls: true, ip: '192.0.2.77' })).at(-1)).toBe(429);
    expect((await signIn(proxied, u.username, u.password, { tls: true, device: res.device })).status).toBe(200);
    const planted = await proxied.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: {
        'x-forwarded-proto': 'https',
        origin: 'https://localhost:80',
        'content-type': 'application/json',
        cookie: `dari_device=${res.device}`,
      },
      payload: JSON.stringify({ username: u.username, password: u.password }),
    });
    expect(planted.statusCode).toBe(429);
  });

  it('the owner signs in with their device cookie while the account is locked for everyone else', async () => {
    const owner = await t.createUser('learner');
    const phone = (await signIn(t, owner.username, owner.password, { ip: '192.0.2.1' })).device!;
    // Someone elsewhere hammers the account: 5 failures, then 429 even with the right password.
    expect(await guess(t, owner.username, 6, { ip: '192.0.2.66' })).toEqual([401, 401, 401, 401, 401, 429]);
    const locked = await signIn(t, owner.username, owner.password, { ip: '192.0.2.66' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBe(locked.body.retryAfter);
    expect((await signIn(t, owner.username, owner.password, { ip: '192.0.2.2' })).status).toBe(429);
    // The owner's own phone is not blocked, and gets a fresh device cookie.
    const mine = await signIn(t, owner.username, owner.password, { ip: '192.0.2.1', device: phone });
    expect(mine.status).toBe(200);
    expect(mine.device).toBeDefined();
    expect(mine.device).not.toBe(phone);
    // The owner's success gives the guesser no fresh tries: still locked for other devices.
    expect((await signIn(t, owner.username, owner.password, { ip: '192.0.2.66' })).status).toBe(429);
    // The old device cookie still works (it is not single-use), and so does the new one.
    expect((await signIn(t, owner.username, owner.password, { device: phone })).status).toBe(200);
    expect((await signIn(t, owner.username, owner.password, { device: mine.device })).status).toBe(200);
  });

  it('a device has its own limit on the account, which does not lock the account for the owner’s other devices', async () => {
    const owner = await t.createUser('learner');
    const phone = (await signIn(t, owner.username, owner.password, { ip: '192.0.2.3' })).device!;
    // A thief holding the phone's cookie gets the device's 4 tries, no more: then 429, right password or not.
    expect(await guess(t, owner.username, 5, { ip: '192.0.2.3', device: phone })).toEqual([401, 401, 401, 401, 429]);
    expect((await signIn(t, owner.username, owner.password, { ip: '192.0.2.3', device: phone })).status).toBe(429);
    // Those failures were the device's: the owner on a laptop signs in.
    expect((await signIn(t, owner.username, owner.password, { ip: '192.0.2.4' })).status).toBe(200);
  });

  it('a forged, altered, expired or another account’s device cookie gives no exemption', async () => {
    const victim = await t.createUser('learner');
    const other = await t.createUser('learner');
    const victimPhone = (await signIn(t, victim.username, victim.password, { ip: '192.0.2.5' })).device!;
    const otherPhone = (await signIn(t, other.username, other.password, { ip: '192.0.2.6' })).device!;
    expect((await guess(t, victim.username, 6, { ip: '192.0.2.9' })).at(-1)).toBe(429);
    const [, id, nonce, issued, mac] = victimPhone.split('.');
    const [, , otherNonce, otherIssued, otherMac] = otherPhone.split('.');
    const flip = (s: string) => (s[5] === 'A' ? 'B' : 'A');
    const [{ value }] = await t.db.query(`SELECT value FROM app_secrets WHERE name = 'device_cookie'`);
    t.secrets.add(value);
    const [{ password_hash: hash }] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [victim.id]);
    const sign = (issuedAt: string, key = Buffer.from(value, 'base64url')) =>
      createHmac('sha256', key)
        .update(`dari-device-v1\u0000${id}\u0000${nonce}\u0000${issuedAt}\u0000${hash}`)
        .digest('base64url');
    const yearsAgo = Math.floor((Date.now() - 400 * 86_400_000) / 1000).toString(36);
    const forged = {
      'bad signature': `v1.${id}.${nonce}.${issued}.${mac.slice(0, 5)}${flip(mac)}${mac.slice(6)}`,
      'another account’s cookie': otherPhone,
      'another account’s signature on this account': `v1.${id}.${otherNonce}.${otherIssued}.${otherMac}`,
      'signed with another secret': `v1.${id}.${nonce}.${issued}.${sign(issued, Buffer.alloc(32, 7))}`,
      'older than a year': `v1.${id}.${nonce}.${yearsAgo}.${sign(yearsAgo)}`,
      garbage: 'x'.repeat(200),
      'too long': `${victimPhone}~`.repeat(12),
    };
    for (const [what, device] of Object.entries(forged)) {
      expect((await signIn(t, victim.username, victim.password, { ip: '192.0.2.5', device })).status, what).toBe(429);
    }
    // The genuine one does.
    expect((await signIn(t, victim.username, victim.password, { ip: '192.0.2.5', device: victimPhone })).status).toBe(
      200,
    );
  });

  it('after a password change, a password reset, disabling or erasure, the account’s device cookies no longer exempt', async () => {
    const admin = await t.signedIn('admin');
    // Each from its own address: the address limit (8 here) must not be what answers 429.
    const lockOut = async (username: string, ip: string) =>
      expect(await guess(t, username, 6, { ip })).toEqual([401, 401, 401, 401, 401, 429]);

    // Password change (from the account page).
    const a = await t.createUser('learner');
    const aPhone = (await signIn(t, a.username, a.password, { ip: '192.0.2.10' })).device!;
    const aLaptop = await t.login(a.username);
    t.secrets.add('a different passphrase 21');
    expect(
      (
        await t.request('POST', '/api/v1/me/password', {
          cookie: aLaptop,
          body: { currentPassword: TEST_PASSWORD, newPassword: 'a different passphrase 21' },
        })
      ).status,
    ).toBe(204);
    await lockOut(a.username, '192.0.2.90');
    expect(
      (await signIn(t, a.username, 'a different passphrase 21', { ip: '192.0.2.10', device: aPhone })).status,
    ).toBe(429);

    // Password reset with a one-time code.
    const b = await t.createUser('learner');
    const bPhone = (await signIn(t, b.username, b.password, { ip: '192.0.2.11' })).device!;
    const code = (await t.request('POST', `/api/v1/admin/users/${b.id}/reset-code`, { cookie: admin.cookie })).body
      .code as string;
    t.secrets.add(code);
    t.secrets.add('a reset passphrase 21');
    expect(
      (
        await t.request('POST', '/api/v1/auth/redeem-reset-code', {
          body: { username: b.username, code, newPassword: 'a reset passphrase 21' },
        })
      ).status,
    ).toBe(204);
    await lockOut(b.username, '192.0.2.91');
    expect((await signIn(t, b.username, 'a reset passphrase 21', { ip: '192.0.2.11', device: bPhone })).status).toBe(
      429,
    );

    // Disabled, then enabled again: the cookie from before is still good (the password did not change).
    const c = await t.createUser('learner');
    const cPhone = (await signIn(t, c.username, c.password, { ip: '192.0.2.12' })).device!;
    await lockOut(c.username, '192.0.2.92');
    expect(
      (await t.request('PATCH', `/api/v1/admin/users/${c.id}`, { cookie: admin.cookie, body: { status: 'disabled' } }))
        .status,
    ).toBe(200);
    expect((await signIn(t, c.username, c.password, { ip: '192.0.2.12', device: cPhone })).status).toBe(429);
    expect(
      (await t.request('PATCH', `/api/v1/admin/users/${c.id}`, { cookie: admin.cookie, body: { status: 'active' } }))
        .status,
    ).toBe(200);
    expect((await signIn(t, c.username, c.password, { ip: '192.0.2.12', device: cPhone })).status).toBe(200);

    // Erasure: the cookie no longer lifts anything, not even the address limit for known devices.
    const d = await t.createUser('learner');
    const dPhone = (await signIn(t, d.username, d.password, { ip: '192.0.2.13' })).device!;
    const dSession = await t.login(d.username);
    expect(
      (await t.request('POST', '/api/v1/me/erase', { cookie: dSession, body: { password: TEST_PASSWORD } })).status,
    ).toBe(204);
    await t.db.query(`DELETE FROM login_throttle`);
    for (let i = 0; i < 8; i++) await signIn(t, uniqueName('nobody'), 'guess guess', { ip: '192.0.2.13' });
    expect((await signIn(t, uniqueName('nobody'), 'guess guess', { ip: '192.0.2.13', device: dPhone })).status).toBe(
      429,
    );
  }, 120_000);

  it('the address limit counts failures, not successes; known devices are counted apart, with a higher limit', async () => {
    await t.db.query(`DELETE FROM login_throttle`);
    const ip = '203.0.113.20';
    const people = await Promise.all(Array.from({ length: 3 }, () => t.createUser('learner')));
    // Twenty successes from the address, none from a known device: the address's count stays at zero.
    for (let i = 0; i < 20; i++)
      expect((await signIn(t, people[i % 3].username, TEST_PASSWORD, { ip, sharedDevice: true })).status).toBe(200);
    const [{ n }] = await t.db.query(
      `SELECT coalesce(sum(failures), 0)::int AS n FROM login_throttle WHERE bucket = 'login_ip'`,
    );
    expect(n).toBe(0);
    // So all 8 failures allowed per window are still there; the 9th attempt is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await signIn(t, uniqueName('spray'), 'spray spray', { ip })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429]);
    // A device that knows any account gets past the address limit, even when it signs in to another
    // account (a family phone, a friend's): but that other account's own lockout still applies.
    const known = (await signIn(t, people[0].username, TEST_PASSWORD, { ip: '203.0.113.21' })).device!;
    expect((await signIn(t, people[1].username, TEST_PASSWORD, { ip, device: known })).status).toBe(200);
    // And it is limited too, at its own, higher number (30 here): a classmate's phone cannot spray forever.
    const sprayed: number[] = [];
    for (let i = 0; i < 31; i++)
      sprayed.push((await signIn(t, uniqueName('spray'), 'spray spray', { ip, device: known })).status);
    expect(sprayed.filter((s) => s === 401)).toHaveLength(30);
    expect(sprayed.at(-1)).toBe(429);
  });

  it('one browser can be known for a few accounts (a family phone)', async () => {
    const [mum, son] = await Promise.all([t.createUser('learner'), t.createUser('learner')]);
    const first = (await signIn(t, mum.username, mum.password)).device!;
    const both = (await signIn(t, son.username, son.password, { device: first })).device!;
    expect(both.split('~')).toHaveLength(2);
    for (const [i, who] of [mum, son].entries())
      expect((await guess(t, who.username, 6, { ip: `192.0.2.12${i}` })).at(-1)).toBe(429);
    expect((await signIn(t, mum.username, mum.password, { device: both })).status).toBe(200);
    expect((await signIn(t, son.username, son.password, { device: both })).status).toBe(200);
  });

  it('a device cookie changes nothing about account enumeration: unknown user and wrong password answer alike', async () => {
    const u = await t.createUser('learner');
    const other = await t.createUser('learner');
    const phone = (await signIn(t, other.username, other.password, { ip: '192.0.2.30' })).device!;
    const wrong = await signIn(t, u.username, 'not the password', { ip: '192.0.2.30', device: phone });
    const unknown = await signIn(t, uniqueName('ghost'), 'not the password', { ip: '192.0.2.30', device: phone });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect({ ...wrong.body, requestId: undefined }).toEqual({ ...unknown.body, requestId: undefined });
    expect(wrong.device).toBeUndefined();
  });

  it('throttle rows hold no username, address or device token', async () => {
    const rows: { key_hash: string }[] = await t.db.query(`SELECT key_hash FROM login_throttle`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('login attempts with missing fields still count against the address (a 400 is a failure)', async () => {
    await t.db.query(`DELETE FROM login_throttle`);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await attempt(t, { username: 'x' }, { ip: '203.0.113.30' })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 429]);
  });
});
