import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivacyService } from '../src/privacy/privacy.service.js';
import { ERASURE_PLAN } from '../src/privacy/erasure-plan.js';
import { TEST_PASSWORD, TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string; username: string };

describe('privacy: devices, export, erasure, audit log', () => {
  let t: TestApp;
  let admin: Who;
  let author: Who;
  beforeAll(async () => {
    t = await TestApp.create();
    [admin, author] = await Promise.all([t.signedIn('admin'), t.signedIn('instructor')]);
  });
  afterAll(() => t.close());

  const api = (
    who: { cookie: string } | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ) => t.request(method, `/api/v1${url}`, { cookie: who?.cookie, body });
  const ev = (lessonId: string, type: string, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    lessonId,
    type,
    occurredAt: new Date().toISOString(),
    ...extra,
  });

  /** A learner who finished a one-lesson course (with a reflection) and has a certificate. */
  async function activeLearner() {
    const slug = uniqueName('priv-').toLowerCase();
    let c = (await api(author, 'POST', '/authoring/courses', { slug, title: { ko: '사생활' } })).body;
    c = (await api(author, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const l = (
      await api(author, 'POST', `/authoring/modules/${c.modules[0].id}/lessons`, {
        kind: 'reflection',
        title: { ko: '생각' },
      })
    ).body;
    await api(author, 'PATCH', `/authoring/lessons/${l.id}`, {
      revision: 0,
      content: { kind: 'reflection', prompt: { ko: '무엇을 느꼈나요?' } },
    });
    await api(author, 'POST', `/authoring/courses/${c.id}/publish`);
    const learner = await t.signedIn('learner');
    await api(learner, 'POST', `/courses/${slug}/enrol`, {});
    const secret = `비밀 일기 ${uniqueName()}`;
    t.secrets.add(secret);
    await api(learner, 'POST', '/progress/events', {
      events: [ev(l.id, 'reflection_saved', { text: secret, shared: false })],
    });
    const cert = (await api(learner, 'GET', '/me/certificates')).body.items[0];
    return { learner, courseId: c.id as string, secret, cert };
  }

  it('a person sees their signed-in devices and ends one', async () => {
    const u = await t.createUser('learner');
    const phone = await t.login(u.username, TEST_PASSWORD, {
      headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile' },
    });
    const laptop = await t.login(u.username, TEST_PASSWORD, {
      headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Firefox/130.0' },
    });
    const list = (await api({ cookie: phone }, 'GET', '/me/sessions')).body.items;
    expect(list.map((s: { userAgent: string; current: boolean }) => [s.userAgent, s.current]).sort()).toEqual([
      ['Chrome on Android', true],
      ['Firefox on Windows', false],
    ]);
    const other = list.find((s: { current: boolean }) => !s.current);
    expect((await api({ cookie: phone }, 'DELETE', `/me/sessions/${other.id}`)).status).toBe(204);
    expect((await api({ cookie: laptop }, 'GET', '/me')).status).toBe(401);
    const someoneElse = await t.signedIn('learner');
    const theirs = (await api(someoneElse, 'GET', '/me/sessions')).body.items[0];
    expect((await api({ cookie: phone }, 'DELETE', `/me/sessions/${theirs.id}`)).status).toBe(404);
    expect((await api(someoneElse, 'GET', '/me')).status).toBe(200);
  });

  it('a person ends all their other devices at once; this one stays signed in, audited with a count, CSRF-checked', async () => {
    const u = await t.createUser('learner');
    const login = (ua: string) => t.login(u.username, TEST_PASSWORD, { headers: { 'user-agent': ua } });
    const laptop = await login('Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0');
    const others = [
      await login('Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile'),
      await login('Mozilla/5.0 (Windows NT 10.0) Firefox/130.0'),
      await login('Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0'),
    ];
    const someoneElse = await t.signedIn('learner');

    // From a foreign origin: refused, nothing ends.
    const foreign = await t.request('POST', '/api/v1/me/sessions/end-others', {
      cookie: laptop,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect((await api({ cookie: others[0] }, 'GET', '/me')).status).toBe(200);

    const res = await api({ cookie: laptop }, 'POST', '/me/sessions/end-others');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 3 });
    expect((await api({ cookie: laptop }, 'GET', '/me')).status).toBe(200);
    for (const cookie of others) expect((await api({ cookie }, 'GET', '/me')).status).toBe(401);
    const left = (await api({ cookie: laptop }, 'GET', '/me/sessions')).body.items;
    expect(left.map((s: { current: boolean }) => s.current)).toEqual([true]);
    // Someone else's sessions are untouched.
    expect((await api(someoneElse, 'GET', '/me')).status).toBe(200);

    const events = await t.db.query(
      `SELECT a.action, a.actor_id, a.details FROM audit_events a WHERE a.target_user_id = $1 AND a.action = 'logout.others'`,
      [u.id],
    );
    expect(events).toEqual([{ action: 'logout.others', actor_id: u.id, details: { ended: 3 } }]);

    // Again, with nothing else signed in: nothing to end, still fine.
    expect((await api({ cookie: laptop }, 'POST', '/me/sessions/end-others')).body).toEqual({ ended: 0 });
    expect((await api(null, 'POST', '/me/sessions/end-others')).status).toBe(401);
  });

  it('a learner downloads everything Dari holds about them, and nothing secret', async () => {
    const { learner, secret } = await activeLearner();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/export',
      headers: { cookie: `dari_session=${learner.cookie}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const data = JSON.parse(res.body);
    expect(data.account).toMatchObject({ id: learner.id, username: learner.username, role: 'learner' });
    expect(Object.keys(data).sort()).toEqual(
      [
        'account',
        'announcementReads',
        'auditEvents',
        'certificates',
        'cohorts',
        'credentials',
        'enrolments',
        'exportedAt',
        'format',
        'journal',
        'learningEvents',
        'lessonProgress',
        'notifications',
        'questions',
        'quizAttempts',
        'sessions',
        'wordList',
        'wordRequests',
      ].sort(),
    );
    expect(data.journal[0].text).toBe(secret);
    expect(data.enrolments[0].status).toBe('completed');
    expect(data.certificates).toHaveLength(1);
    expect(data.auditEvents.map((a: { action: string }) => a.action)).toContain('login.succeeded');
    expect(res.body).not.toMatch(/argon2|token_hash|tokenHash|password_hash/);
  });

  it('erasure by the learner: password required; afterwards nothing identifies them, the numbers stay right', async () => {
    const { learner, courseId, secret, cert } = await activeLearner();
    const before = (await api(author, 'GET', `/reports/courses/${courseId}`)).body;
    expect((await api(learner, 'POST', '/me/erase', { password: 'not my password' })).status).toBe(400);
    expect((await api(learner, 'GET', '/me')).status).toBe(200);
    expect((await api(learner, 'POST', '/me/erase', { password: TEST_PASSWORD })).status).toBe(204);
    expect((await api(learner, 'GET', '/me')).status).toBe(401);
    expect(
      (await t.request('POST', '/api/v1/auth/login', { body: { username: learner.username, password: TEST_PASSWORD } }))
        .status,
    ).toBe(401);
    const [row] = await t.db.query(
      `SELECT username, display_name, password_hash, status, erased_at FROM users WHERE id = $1`,
      [learner.id],
    );
    expect(row.username).toMatch(/^erased-[0-9a-f]{32}$/);
    expect(row).toMatchObject({ display_name: '(erased)', password_hash: null, status: 'disabled' });
    expect(row.erased_at).not.toBeNull();
    // Whatever the person wrote is gone; nothing in any table still holds their name.
    const dump = JSON.stringify(
      await t.db.query(
        `SELECT (SELECT json_agg(j) FROM journal_entries j) AS j, (SELECT json_agg(s) FROM sessions s WHERE user_id = $1) AS s, (SELECT json_agg(c) FROM certificates c WHERE code = $2) AS c`,
        [learner.id, cert.code.replace(/-/g, '')],
      ),
    );
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(learner.username);
    expect((await t.request('GET', `/api/v1/certificates/verify/${cert.code}`)).status).toBe(404);
    const after = (await api(author, 'GET', `/reports/courses/${courseId}`)).body;
    expect({ enrolments: after.enrolments, completions: after.completions }).toEqual({
      enrolments: before.enrolments,
      completions: before.completions,
    });
    expect(
      (
        await t.db.query(`SELECT action FROM audit_events WHERE target_user_id = $1 AND action = 'user.erased'`, [
          learner.id,
        ])
      ).length,
    ).toBe(1);
  });

  it('erasure on request: an admin any account, a manager only their cohort’s learners', async () => {
    const { learner } = await activeLearner();
    const manager = await t.signedIn('manager');
    expect((await api(manager, 'POST', `/users/${learner.id}/erase`)).status).toBe(404);
    const cohort = (await api(manager, 'POST', '/cohorts', { name: uniqueName('c') })).body;
    await api(admin, 'POST', `/cohorts/${cohort.id}/members`, { members: [{ userId: learner.id, role: 'learner' }] });
    expect((await api(manager, 'POST', `/users/${learner.id}/erase`)).status).toBe(204);
    expect((await api(manager, 'POST', `/users/${learner.id}/erase`)).status).toBe(404);
    const other = await t.createUser('learner');
    expect((await api(learner, 'POST', `/users/${other.id}/erase`)).status).toBe(401);
    expect((await api(admin, 'POST', `/users/${other.id}/erase`)).status).toBe(204);
    expect((await api(admin, 'POST', `/users/${admin.id}/erase`)).status).toBe(400);
  });

  it('the erasure plan covers every column that refers to a person (schema walk)', async () => {
    const refs: { col: string }[] = await t.db.query(
      `SELECT DISTINCT tc.table_name || '.' || kcu.column_name AS col
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'users' AND tc.table_schema = 'public'
       UNION
       SELECT table_name || '.' || column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'uuid' AND table_name <> 'migrations'
          AND (column_name ~ '(^|_)(user|actor|owner)(_id)?$' OR column_name ~ '_by(_id)?$' OR column_name = 'target_user_id')`,
    );
    expect(refs.length).toBeGreaterThanOrEqual(20);
    const uncovered = refs
      .map((r) => r.col)
      .filter((c) => !(c in ERASURE_PLAN))
      .sort();
    expect(uncovered, 'tables referring to users that erasure and export do not cover').toEqual([]);
    expect(Object.keys(ERASURE_PLAN).length).toBeGreaterThanOrEqual(20);
  });

  it('admins read the audit log, filtered by who, what and when; others cannot; old rows are purged', async () => {
    const u = await t.createUser('learner');
    await t.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: 'wrong one here' } });
    await t.login(u.username);
    const failed = (await api(admin, 'GET', `/admin/audit?targetUserId=${u.id}&action=login.failed`)).body;
    expect(failed.items.map((e: { action: string }) => e.action)).toEqual(['login.failed']);
    expect(failed.items[0].target).toMatchObject({ id: u.id });
    const all = (
      await api(
        admin,
        'GET',
        `/admin/audit?targetUserId=${u.id}&from=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`,
      )
    ).body;
    expect(all.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'login.failed',
      'login.succeeded',
      'user.created',
    ]);
    expect((await api(admin, 'GET', '/admin/audit?action=DROP TABLE')).status).toBe(400);
    // An action is exact ('login' is nobody's action); a trailing '.' asks for the family.
    expect((await api(admin, 'GET', `/admin/audit?targetUserId=${u.id}&action=login`)).body.items).toEqual([]);
    const family = (await api(admin, 'GET', `/admin/audit?targetUserId=${u.id}&action=login.`)).body;
    expect(family.items.map((e: { action: string }) => e.action).sort()).toEqual(['login.failed', 'login.succeeded']);
    const manager = await t.signedIn('manager');
    expect((await api(manager, 'GET', '/admin/audit')).status).toBe(403);
    // Retention: nothing recent goes; rows older than the setting do, and only through the purge.
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    expect(await t.app.get(PrivacyService).purgeAudit()).toBe(0);
    const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    expect(after).toBe(before);
    await t.db.query(
      `INSERT INTO audit_events (occurred_at, action, details) VALUES (now() - interval '1000 days', 'login.failed', '{}')`,
    );
    expect(await t.app.get(PrivacyService).purgeAudit()).toBe(1);
    await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });
});
