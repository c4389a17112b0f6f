import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, TestApp, uniqueName } from './test-app.js';

describe('admin user management', () => {
  let t: TestApp;
  let admin: { id: string; cookie: string };
  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.signedIn('admin');
  });
  afterAll(() => t.close());

  const as = (cookie: string) => ({
    get: (url: string) => t.request('GET', url, { cookie }),
    post: (url: string, body?: unknown) => t.request('POST', url, { cookie, body }),
    patch: (url: string, body: unknown) => t.request('PATCH', url, { cookie, body }),
  });

  it('creates a learner with a password, who can then sign in', async () => {
    const username = uniqueName('newlearner');
    t.secrets.add(username);
    const res = await as(admin.cookie).post('/api/v1/admin/users', {
      username,
      displayName: '바다',
      role: 'learner',
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      username,
      displayName: '바다',
      role: 'learner',
      status: 'active',
      locale: 'ko',
      lastLoginAt: null,
    });
    expect(res.body.resetCode).toBeNull();
    await t.login(username);
    const fetched = await as(admin.cookie).get(`/api/v1/admin/users/${res.body.user.id}`);
    expect(fetched.body.lastLoginAt).not.toBeNull();
  });

  it('creates a user without a password and hands back a one-time code that works once', async () => {
    const username = uniqueName('codeuser');
    t.secrets.add(username);
    const res = await as(admin.cookie).post('/api/v1/admin/users', {
      username,
      displayName: '별',
      role: 'instructor',
      locale: 'zh',
    });
    expect(res.status).toBe(201);
    const code: string = res.body.resetCode.code;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    t.secrets.add(code.replace(/-/g, ''));
    // No password yet: sign-in fails like any wrong password.
    expect(
      (await t.request('POST', '/api/v1/auth/login', { body: { username, password: 'anything at all' } })).status,
    ).toBe(401);
    const newPassword = 'a fresh passphrase here';
    t.secrets.add(newPassword);
    const redeem = await t.request('POST', '/api/v1/auth/redeem-reset-code', {
      body: { username, code: code.toLowerCase().replace(/-/g, ' '), newPassword },
    });
    expect(redeem.status).toBe(204);
    await t.login(username, newPassword);
    const again = await t.request('POST', '/api/v1/auth/redeem-reset-code', {
      body: { username, code, newPassword: 'another passphrase here' },
    });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('invalid_reset_code');
    await t.login(username, newPassword);
  });

  it('a reset code ends the sessions, replaces older codes, and is consumed once under concurrent use', async () => {
    const u = await t.createUser('learner');
    const oldSession = await t.login(u.username);
    const first = (await as(admin.cookie).post(`/api/v1/admin/users/${u.id}/reset-code`)).body.code as string;
    const second = await as(admin.cookie).post(`/api/v1/admin/users/${u.id}/reset-code`);
    expect(second.status).toBe(201);
    expect(new Date(second.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86400_000);
    const code = second.body.code as string;
    [first, code].forEach((c) => t.secrets.add(c.replace(/-/g, '')));
    expect(
      (
        await t.request('POST', '/api/v1/auth/redeem-reset-code', {
          body: { username: u.username, code: first, newPassword: 'older code passphrase' },
        })
      ).status,
    ).toBe(400);
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.request('POST', '/api/v1/auth/redeem-reset-code', {
          body: { username: u.username, code, newPassword: `concurrent passphrase ${i}` },
        }),
      ),
    );
    expect(attempts.filter((r) => r.status === 204)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 400)).toHaveLength(5);
    expect((await t.request('GET', '/api/v1/me', { cookie: oldSession })).status).toBe(401);
    const [used] = await t.db.query(
      `SELECT count(*)::int AS n FROM reset_codes WHERE user_id = $1 AND used_at IS NULL`,
      [u.id],
    );
    expect(used.n).toBe(0);
  });

  it('refuses a code for the wrong username, a malformed code, and a common new password, consuming nothing', async () => {
    const u = await t.createUser('learner');
    const other = await t.createUser('learner');
    const code = (await as(admin.cookie).post(`/api/v1/admin/users/${u.id}/reset-code`)).body.code as string;
    t.secrets.add(code.replace(/-/g, ''));
    const wrongUser = await t.request('POST', '/api/v1/auth/redeem-reset-code', {
      body: { username: other.username, code, newPassword: 'wrong user passphrase' },
    });
    expect(wrongUser.status).toBe(400);
    expect(wrongUser.body.code).toBe('invalid_reset_code');
    const malformed = await t.request('POST', '/api/v1/auth/redeem-reset-code', {
      body: { username: u.username, code: 'ABC', newPassword: 'whatever passphrase' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields[0].path).toBe('body.code');
    const common = await t.request('POST', '/api/v1/auth/redeem-reset-code', {
      body: { username: u.username, code, newPassword: 'qwerty123' },
    });
    expect(common.body.code).toBe('password_too_common');
    const ok = await t.request('POST', '/api/v1/auth/redeem-reset-code', {
      body: { username: u.username, code, newPassword: 'finally a good passphrase' },
    });
    expect(ok.status).toBe(204);
  });

  it('lists, searches (username or display name, any case) and filters users, a page at a time', async () => {
    const tag = uniqueName('zq');
    for (let i = 0; i < 3; i++) await t.createUser('learner', { username: `${tag}l${i}` });
    await t.createUser('manager', { username: `${tag}m`, displayName: `Manager ${tag}` });
    const all = await as(admin.cookie).get(`/api/v1/admin/users?q=${tag.toUpperCase()}`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    const learners = await as(admin.cookie).get(`/api/v1/admin/users?q=${tag}&role=learner&pageSize=2&page=2`);
    expect(learners.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(learners.body.items).toHaveLength(1);
    expect(learners.body.items[0]).not.toHaveProperty('passwordHash');
    // In username order, page by page; a status filter combines with the others.
    expect(learners.body.items.map((u: { username: string }) => u.username)).toEqual([`${tag}l2`]);
    const first = await as(admin.cookie).get(`/api/v1/admin/users?q=${tag}&role=learner&pageSize=2`);
    expect(first.body.items.map((u: { username: string }) => u.username)).toEqual([`${tag}l0`, `${tag}l1`]);
    expect(first.body.items[0]).toEqual({
      id: expect.any(String),
      username: `${tag}l0`,
      displayName: `이름 ${tag}l0`,
      role: 'learner',
      status: 'active',
      locale: 'ko',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastLoginAt: null,
    });
    const disabled = await as(admin.cookie).patch(`/api/v1/admin/users/${first.body.items[1].id}`, {
      status: 'disabled',
    });
    expect(disabled.status).toBe(200);
    const off = await as(admin.cookie).get(`/api/v1/admin/users?q=${tag}&role=learner&status=disabled`);
    expect(off.body).toMatchObject({ total: 1, items: [{ username: `${tag}l1`, status: 'disabled' }] });
    const on = await as(admin.cookie).get(`/api/v1/admin/users?q=${tag}&status=active&pageSize=2&page=2`);
    expect(on.body.total).toBe(3);
    expect(on.body.items.map((u: { username: string }) => u.username)).toEqual([`${tag}m`]);
    const byName = await as(admin.cookie).get(`/api/v1/admin/users?q=${encodeURIComponent(`manager ${tag}`)}`);
    expect(byName.body.items.map((u: { role: string }) => u.role)).toEqual(['manager']);
    const wildcard = await as(admin.cookie).get(`/api/v1/admin/users?q=%25`);
    expect(wildcard.body.total).toBe(0);
    expect((await as(admin.cookie).get('/api/v1/admin/users?pageSize=1000')).status).toBe(400);
    expect((await as(admin.cookie).get('/api/v1/admin/users?role=superuser')).body.fields[0].path).toBe('query.role');
    expect((await as(admin.cookie).get('/api/v1/admin/users?sort=password')).status).toBe(400);
    // Searching by name must not write the name into the logs.
    t.secrets.add(`manager ${tag}`);
  });

  it('refuses a taken username (any case) and invalid fields with readable messages', async () => {
    const u = await t.createUser('learner');
    const taken = await as(admin.cookie).post('/api/v1/admin/users', {
      username: u.username.toUpperCase(),
      displayName: 'x',
      role: 'learner',
      password: TEST_PASSWORD,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('username_taken');
    const bad = await as(admin.cookie).post('/api/v1/admin/users', {
      username: 'a b',
      displayName: '',
      role: 'king',
      password: 'short',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.displayName',
      'body.password',
      'body.role',
      'body.username',
    ]);
    const before = await t.db.query(`SELECT count(*)::int AS n FROM users`);
    await as(admin.cookie).post('/api/v1/admin/users', {
      username: uniqueName('x'),
      displayName: 'x',
      role: 'learner',
      password: '12345678',
    });
    const after = await t.db.query(`SELECT count(*)::int AS n FROM users`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('accepts Korean usernames and treats them case- and form-insensitively', async () => {
    const res = await as(admin.cookie).post('/api/v1/admin/users', {
      username: '하늘.2026',
      displayName: '하늘',
      role: 'learner',
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(201);
    t.secrets.add('하늘.2026');
    // The same name in decomposed Jamo (NFD) signs in to the same account.
    await t.login('하늘.2026'.normalize('NFD'));
  });

  it('changes a role and disables a user, whose sessions end at once; enabling lets them back', async () => {
    const u = await t.signedIn('learner');
    const promoted = await as(admin.cookie).patch(`/api/v1/admin/users/${u.id}`, { role: 'instructor' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('instructor');
    expect((await t.request('GET', '/api/v1/me', { cookie: u.cookie })).body.role).toBe('instructor');
    const disabled = await as(admin.cookie).patch(`/api/v1/admin/users/${u.id}`, { status: 'disabled' });
    expect(disabled.body.status).toBe('disabled');
    expect((await t.request('GET', '/api/v1/me', { cookie: u.cookie })).status).toBe(401);
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { username: u.username, password: TEST_PASSWORD },
    });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('account_disabled');
    const wrongPw = await t.request('POST', '/api/v1/auth/login', {
      body: { username: u.username, password: 'wrong wrong wrong' },
    });
    expect(wrongPw.body.code).toBe('invalid_credentials');
    await as(admin.cookie).patch(`/api/v1/admin/users/${u.id}`, { status: 'active' });
    await t.login(u.username);
    const actions = (
      await t.db.query(
        `SELECT action, details FROM audit_events WHERE target_user_id = $1 AND actor_id = $2 ORDER BY occurred_at`,
        [u.id, admin.id],
      )
    ).map((r: { action: string }) => r.action);
    expect(actions).toEqual(['user.role_changed', 'user.disabled', 'user.enabled']);
  });

  it('an admin cannot demote or disable themselves, and the last admin stays', async () => {
    const self = await as(admin.cookie).patch(`/api/v1/admin/users/${admin.id}`, { role: 'learner' });
    expect(self.status).toBe(400);
    expect(self.body.code).toBe('own_account');
    const other = await t.signedIn('admin');
    // Two admins: each may demote the other, but not both — the last one stays.
    const otherAdmins = await t.db.query(`SELECT id FROM users WHERE role = 'admin' AND id NOT IN ($1, $2)`, [
      admin.id,
      other.id,
    ]);
    for (const a of otherAdmins) await t.db.query(`UPDATE users SET role = 'learner' WHERE id = $1`, [a.id]);
    const [a, b] = await Promise.all([
      as(admin.cookie).patch(`/api/v1/admin/users/${other.id}`, { role: 'manager' }),
      as(other.cookie).patch(`/api/v1/admin/users/${admin.id}`, { role: 'manager' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect([401, 403, 409]).toContain(statuses[1]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND status = 'active'`);
    expect(n).toBe(1);
    // Restore for the next tests.
    await t.db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.id]);
  });

  it("shows an account's cohorts and courses (status, percent) on its page; a learner's is audited; others get 403/404", async () => {
    const learner = await t.createUser('learner');
    const manager = await t.signedIn('manager');
    const author = await t.signedIn('instructor');
    const api = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) =>
      t.request(method, `/api/v1${url}`, { cookie, body });
    const slug = uniqueName('ov-').toLowerCase();
    let c = (await api(author.cookie, 'POST', '/authoring/courses', { slug, title: { ko: '인권', en: 'Rights' } }))
      .body;
    c = (await api(author.cookie, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const l = (
      await api(author.cookie, 'POST', `/authoring/modules/${c.modules[0].id}/lessons`, {
        kind: 'reading',
        title: { ko: '읽기' },
      })
    ).body;
    await api(author.cookie, 'PATCH', `/authoring/lessons/${l.id}`, {
      revision: 0,
      content: { kind: 'reading', body: { ko: '가' } },
    });
    expect((await api(author.cookie, 'POST', `/authoring/courses/${c.id}/publish`)).status).toBe(201);
    const cohort = (await api(manager.cookie, 'POST', '/cohorts', { name: `개요 ${uniqueName()}` })).body;
    await api(manager.cookie, 'POST', `/cohorts/${cohort.id}/members`, {
      members: [{ userId: learner.id, role: 'learner' }],
    });
    const lc = await t.login(learner.username);
    expect((await api(lc, 'POST', `/courses/${slug}/enrol`, {})).status).toBeLessThan(300);

    const res = await as(admin.cookie).get(`/api/v1/admin/users/${learner.id}/overview`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      cohorts: [{ id: cohort.id, name: cohort.name, role: 'learner' }],
      enrolments: [
        {
          courseId: c.id,
          title: expect.objectContaining({ ko: '인권', en: 'Rights' }),
          status: 'active',
          percent: 0,
          lastActivityAt: null,
        },
      ],
    });
    const audit = await t.db.query(
      `SELECT a.action, a.details FROM audit_events a WHERE a.target_user_id = $1 AND a.actor_id = $2 AND a.action = 'learner.report_viewed'`,
      [learner.id, admin.id],
    );
    expect(audit).toEqual([{ action: 'learner.report_viewed', details: { view: 'admin_overview' } }]);
    expect((await as(admin.cookie).get(`/api/v1/admin/users/${randomUUID()}/overview`)).status).toBe(404);
    expect((await as(admin.cookie).get(`/api/v1/admin/users/not-an-id/overview`)).status).toBe(400);
    expect((await as(manager.cookie).get(`/api/v1/admin/users/${learner.id}/overview`)).status).toBe(403);
  });

  it('audits an admin opening a learner record', async () => {
    const u = await t.createUser('learner');
    await as(admin.cookie).get(`/api/v1/admin/users/${u.id}`);
    const rows = await t.db.query(`SELECT action FROM audit_events WHERE target_user_id = $1 AND actor_id = $2`, [
      u.id,
      admin.id,
    ]);
    expect(rows.map((r: { action: string }) => r.action)).toContain('user.viewed');
  });

  it('the audit log refuses updates and deletes', async () => {
    await expect(t.db.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('a missing user and a malformed id: 404 with the same body as any missing id; 400 for a non-uuid', async () => {
    const missing = await as(admin.cookie).get(`/api/v1/admin/users/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect({ ...missing.body, requestId: undefined }).toEqual({
      status: 404,
      code: 'not_found',
      message: 'No such user.',
      requestId: undefined,
    });
    expect((await as(admin.cookie).patch(`/api/v1/admin/users/${randomUUID()}`, { role: 'learner' })).status).toBe(404);
    expect((await as(admin.cookie).post(`/api/v1/admin/users/${randomUUID()}/reset-code`)).status).toBe(404);
    const bad = await as(admin.cookie).get('/api/v1/admin/users/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].path).toBe('params.id');
  });

  it('only admins reach the admin routes: others get 403, strangers 401, and nothing changes', async () => {
    const target = await t.createUser('learner');
    for (const role of ['learner', 'instructor', 'manager'] as const) {
      const s = await t.signedIn(role);
      expect((await as(s.cookie).get('/api/v1/admin/users')).status).toBe(403);
      expect((await as(s.cookie).get(`/api/v1/admin/users/${target.id}`)).status).toBe(403);
      expect((await as(s.cookie).patch(`/api/v1/admin/users/${target.id}`, { role: 'admin' })).status).toBe(403);
      expect((await as(s.cookie).patch(`/api/v1/admin/users/${s.id}`, { role: 'admin' })).status).toBe(403);
      expect((await as(s.cookie).post(`/api/v1/admin/users/${target.id}/reset-code`)).status).toBe(403);
      expect(
        (
          await as(s.cookie).post('/api/v1/admin/users', {
            username: uniqueName('sneaky'),
            displayName: 'x',
            role: 'admin',
            password: TEST_PASSWORD,
          })
        ).status,
      ).toBe(403);
      expect((await t.request('GET', '/api/v1/me', { cookie: s.cookie })).body.role).toBe(role);
    }
    expect((await t.request('GET', '/api/v1/admin/users')).status).toBe(401);
    const [row] = await t.db.query(`SELECT role FROM users WHERE id = $1`, [target.id]);
    expect(row.role).toBe('learner');
    const codes = await t.db.query(`SELECT count(*)::int AS n FROM reset_codes WHERE user_id = $1`, [target.id]);
    expect(codes[0].n).toBe(0);
  });

  it('logs every request with its id and the user id, never the username', async () => {
    const u = await t.signedIn('learner');
    const res = await t.request('GET', '/api/v1/me', { cookie: u.cookie });
    expect(res.status).toBe(200);
    const line = t.logs.lines.map((l) => JSON.parse(l)).find((l) => l.userId === u.id && l.req?.path === '/api/v1/me');
    expect(line).toBeDefined();
    expect(line.req.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(line)).not.toContain(u.username);
  });
});
