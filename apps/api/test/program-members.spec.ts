import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string };

/** Adding existing accounts to a cohort: an exact-username lookup to confirm the person, then the add. */
describe('cohort members: adding existing accounts', () => {
  let t: TestApp;
  let managerA: Who;
  let managerB: Who;
  let admin: Who;
  beforeAll(async () => {
    t = await TestApp.create({ DARI_LOGIN_MAX_FAILURES_PER_IP: '1000' });
    [managerA, managerB, admin] = await Promise.all([t.signedIn('manager'), t.signedIn('manager'), t.signedIn('admin')]);
  });
  afterAll(() => t.close());

  const api = (who: Who, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) => t.request(method, `/api/v1${url}`, { cookie: who.cookie, body });
  const cohort = async (who: Who) => (await api(who, 'POST', '/cohorts', { name: uniqueName('기수 ') })).body.id as string;
  const audits = async (actor: string) =>
    (await t.db.query(`SELECT action, target_user_id, details FROM audit_events WHERE actor_id = $1 AND action IN ('user.viewed', 'user.updated') ORDER BY occurred_at, id`, [actor])) as {
      action: string;
      target_user_id: string | null;
      details: Record<string, unknown>;
    }[];

  it('a manager finds an account by its exact username, confirms the name, and adds it; both steps are audited without the username', async () => {
    const k = await cohort(managerA);
    const learner = await t.createUser('learner', { displayName: '김하늘' });
    const instructor = await t.createUser('instructor', { displayName: '박선생' });

    const found = await api(managerA, 'POST', `/cohorts/${k}/members/lookup`, { username: `  ${learner.username.toUpperCase()} ` });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body).toEqual({ userId: learner.id, displayName: '김하늘', accountRole: 'learner', member: null, allowedRoles: ['learner'] });
    expect((await api(managerA, 'POST', `/cohorts/${k}/members/lookup`, { username: instructor.username })).body).toMatchObject({ accountRole: 'instructor', allowedRoles: ['instructor'] });

    const added = await api(managerA, 'POST', `/cohorts/${k}/members`, { members: [{ userId: learner.id, role: 'learner' }] });
    expect(added.status).toBe(200);
    expect(added.body.counts.learners).toBe(1);
    expect((await api(managerA, 'POST', `/cohorts/${k}/members/lookup`, { username: learner.username })).body.member).toBe('learner');
    // A learner account cannot be made an instructor of the cohort.
    const wrong = await api(managerA, 'POST', `/cohorts/${k}/members`, { members: [{ userId: learner.id, role: 'instructor' }] });
    expect(wrong.status).toBe(400);

    const events = await audits(managerA.id);
    const lookups = events.filter((e) => e.action === 'user.viewed');
    expect(lookups).toHaveLength(3);
    expect(lookups[0]).toEqual({ action: 'user.viewed', target_user_id: learner.id, details: { reason: 'cohort_lookup', cohortId: k, found: true } });
    expect(events.filter((e) => e.action === 'user.updated')).toEqual([
      { action: 'user.updated', target_user_id: learner.id, details: { change: 'cohort_member_added', cohortId: k, cohortRole: 'learner' } },
    ]);
    expect(JSON.stringify(events)).not.toContain(learner.username);
  });

  it('each member says whether the caller can make a password code for them, and the reset-code endpoint agrees', async () => {
    const k = await cohort(managerA);
    const other = await cohort(managerB);
    const only = await t.createUser('learner');
    const shared = await t.createUser('learner');
    const instructor = await t.createUser('instructor');
    expect((await api(managerA, 'POST', `/cohorts/${k}/members`, { members: [only, shared].map((u) => ({ userId: u.id, role: 'learner' })).concat({ userId: instructor.id, role: 'instructor' }) })).status).toBe(200);
    expect((await api(managerB, 'POST', `/cohorts/${other}/members`, { members: [{ userId: shared.id, role: 'learner' }] })).status).toBe(200);

    const flags = async (who: Who) => {
      const res = await api(who, 'GET', `/cohorts/${k}/members`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return Object.fromEntries((res.body.items as { userId: string; canResetPassword: boolean }[]).map((m) => [m.userId, m.canResetPassword]));
    };
    // Manager A: the learner only in A's cohorts yes; the one also in B's cohort no; staff rows (A's own, the instructor) no.
    expect(await flags(managerA)).toEqual({ [only.id]: true, [shared.id]: false, [instructor.id]: false, [managerA.id]: false });
    // An admin may make a code for any learner of the cohort, never for staff.
    expect(await flags(admin)).toEqual({ [only.id]: true, [shared.id]: true, [instructor.id]: false, [managerA.id]: false });
    // The endpoint follows the same rule: the flag and the refusal cannot drift apart.
    expect((await api(managerA, 'POST', `/cohorts/${k}/members/${only.id}/reset-code`)).status).toBe(201);
    expect((await api(managerA, 'POST', `/cohorts/${k}/members/${shared.id}/reset-code`)).status).toBe(404);
    expect((await api(admin, 'POST', `/cohorts/${k}/members/${shared.id}/reset-code`)).status).toBe(201);
    // Once the learner leaves B's cohort, they are wholly in A's care and the flag follows.
    expect((await api(managerB, 'DELETE', `/cohorts/${other}/members/${shared.id}`)).status).toBe(200);
    expect((await flags(managerA))[shared.id]).toBe(true);
    expect((await api(managerA, 'POST', `/cohorts/${k}/members/${shared.id}/reset-code`)).status).toBe(201);
  });

  it('no partial matches and no oracle: unknown, partial, disabled and erased accounts get one and the same 404', async () => {
    const k = await cohort(managerA);
    const learner = await t.createUser('learner');
    const disabled = await t.createUser('learner');
    await t.db.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [disabled.id]);
    const lookup = (username: string) => api(managerA, 'POST', `/cohorts/${k}/members/lookup`, { username });
    const unknown = await lookup(`${learner.username}zz`);
    expect(unknown.status).toBe(404);
    for (const username of [learner.username.slice(0, -2), disabled.username, `nobody${Date.now()}`]) {
      const res = await lookup(username);
      expect(res.status, username).toBe(404);
      expect({ ...res.body, requestId: 0 }).toEqual({ ...unknown.body, requestId: 0 });
    }
    const [miss] = (await audits(managerA.id)).filter((e) => e.details.cohortId === k).slice(-1);
    expect(miss).toEqual({ action: 'user.viewed', target_user_id: null, details: { reason: 'cohort_lookup', cohortId: k, found: false } });
  });

  it('scoped to cohorts the caller manages: manager B cannot look up or add for cohort A (same 404 as a missing cohort), and nothing changes', async () => {
    const a = await cohort(managerA);
    await cohort(managerB);
    const learner = await t.createUser('learner');
    const before = (await audits(managerB.id)).length;
    for (const [path, body] of [
      [`/cohorts/${a}/members/lookup`, { username: learner.username }],
      [`/cohorts/${a}/members`, { members: [{ userId: learner.id, role: 'learner' }] }],
    ] as const) {
      const forbidden = await api(managerB, 'POST', path, body);
      const missing = await api(managerB, 'POST', path.replace(a, randomUUID()), body);
      expect(forbidden.status, path).toBe(404);
      expect({ ...forbidden.body, requestId: 0 }).toEqual({ ...missing.body, requestId: 0 });
    }
    expect((await t.db.query(`SELECT count(*)::int AS n FROM cohort_members WHERE cohort_id = $1 AND user_id = $2`, [a, learner.id]))[0].n).toBe(0);
    expect((await audits(managerB.id)).length).toBe(before);
    // Admins look up for any cohort; learners and instructors not at all.
    expect((await api(admin, 'POST', `/cohorts/${a}/members/lookup`, { username: learner.username })).status).toBe(200);
    const learnerSession = { id: learner.id, cookie: await t.login(learner.username) };
    expect((await api(learnerSession, 'POST', `/cohorts/${a}/members/lookup`, { username: learner.username })).status).toBe(403);
  });

  it('bad input is a 400 and looks nothing up', async () => {
    const k = await cohort(managerA);
    const before = (await audits(managerA.id)).length;
    for (const body of [{}, { username: '' }, { username: 'a'.repeat(200) }, { username: 'two words' }, { username: 42 }, { username: 'somebody', role: 'admin' }, { q: 'a' }]) {
      const res = await api(managerA, 'POST', `/cohorts/${k}/members/lookup`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await api(managerA, 'POST', `/cohorts/not-a-uuid/members/lookup`, { username: 'somebody' })).status).toBe(400);
    expect((await audits(managerA.id)).length).toBe(before);
  });

  it('many lookups in a short time are refused for a while (429), so usernames cannot be tried in bulk', async () => {
    const manager = await t.signedIn('manager');
    const k = await cohort(manager);
    let status = 0;
    let tries = 0;
    while (tries < 70 && status !== 429) {
      status = (await api(manager, 'POST', `/cohorts/${k}/members/lookup`, { username: `guess${tries}` })).status;
      tries++;
    }
    expect(status).toBe(429);
    expect(tries).toBe(61);
  }, 60_000);
});
