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
    [managerA, managerB, admin] = await Promise.all([
      t.signedIn('manager'),
      t.signedIn('manager'),
      t.signedIn('admin'),
    ]);
  });
  afterAll(() => t.close());

  const api = (who: Who, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who.cookie, body });
  const cohort = async (who: Who) =>
    (await api(who, 'POST', '/cohorts', { name: uniqueName('기수 ') })).body.id as string;
  /** The learner signs in and joins the manager's cohort with a join code the manager made. */
  const joinWithCode = async (manager: Who, k: string, learner: { id: string; username: string }) => {
    const code = (await api(manager, 'POST', `/cohorts/${k}/join-codes`, { maxUses: 10 })).body.code as string;
    const res = await api({ id: learner.id, cookie: await t.login(learner.username) }, 'POST', '/me/cohorts', { code });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const memberships = async (userId: string) =>
    (
      await t.db.query<
        {
          cohort_id: string;
        }[]
      >(`SELECT cohort_id FROM cohort_members WHERE user_id = $1 ORDER BY cohort_id`, [userId])
    ).map((r) => r.cohort_id);
  const audits = async (actor: string) =>
    await t.db.query<
      {
        action: string;
        target_user_id: string | null;
        details: Record<string, unknown>;
      }[]
    >(
      `SELECT action, target_user_id, details FROM audit_events WHERE actor_id = $1 AND action IN ('user.viewed', 'user.updated') ORDER BY occurred_at, id`,
      [actor],
    );

  it('a manager finds an account by its exact username, confirms the name, and adds it; both steps are audited without the username', async () => {
    const k = await cohort(managerA);
    const learner = await t.createUser('learner', { displayName: '김하늘' });
    const instructor = await t.createUser('instructor', { displayName: '박선생' });

    const found = await api(managerA, 'POST', `/cohorts/${k}/members/lookup`, {
      username: `  ${learner.username.toUpperCase()} `,
    });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body).toEqual({
      userId: learner.id,
      displayName: '김하늘',
      accountRole: 'learner',
      member: null,
      allowedRoles: ['learner'],
    });
    // Staff accounts are for an admin to find (Manager scope); the admin sees what the account may be.
    expect(
      (await api(managerA, 'POST', `/cohorts/${k}/members/lookup`, { username: instructor.username })).status,
    ).toBe(404);
    expect(
      (await api(admin, 'POST', `/cohorts/${k}/members/lookup`, { username: instructor.username })).body,
    ).toMatchObject({ accountRole: 'instructor', allowedRoles: ['instructor'] });

    const added = await api(managerA, 'POST', `/cohorts/${k}/members`, {
      members: [{ userId: learner.id, role: 'learner' }],
    });
    expect(added.status).toBe(200);
    expect(added.body.counts.learners).toBe(1);
    expect(
      (await api(managerA, 'POST', `/cohorts/${k}/members/lookup`, { username: learner.username })).body.member,
    ).toBe('learner');
    // A learner account cannot be made an instructor of the cohort.
    const wrong = await api(managerA, 'POST', `/cohorts/${k}/members`, {
      members: [{ userId: learner.id, role: 'instructor' }],
    });
    expect(wrong.status).toBe(400);

    const events = await audits(managerA.id);
    const lookups = events.filter((e) => e.action === 'user.viewed');
    expect(lookups).toHaveLength(3);
    expect(lookups[0]).toEqual({
      action: 'user.viewed',
      target_user_id: learner.id,
      details: { reason: 'cohort_lookup', cohortId: k, found: true },
    });
    expect(lookups[1]).toEqual({
      action: 'user.viewed',
      target_user_id: instructor.id,
      details: { reason: 'cohort_lookup', cohortId: k, found: false, outOfReach: true },
    });
    expect(events.filter((e) => e.action === 'user.updated')).toEqual([
      {
        action: 'user.updated',
        target_user_id: learner.id,
        details: { change: 'cohort_member_added', cohortId: k, cohortRole: 'learner' },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(learner.username);
  });

  it('each member says whether the caller can make a password code for them, and the reset-code endpoint agrees', async () => {
    const k = await cohort(managerA);
    const other = await cohort(managerB);
    const only = await t.createUser('learner');
    const shared = await t.createUser('learner');
    const instructor = await t.createUser('instructor');
    expect(
      (
        await api(managerA, 'POST', `/cohorts/${k}/members`, {
          members: [only, shared]
            .map((u) => ({ userId: u.id, role: 'learner' }))
            .concat({ userId: instructor.id, role: 'instructor' }),
        })
      ).status,
    ).toBe(200);
    // The shared learner joins B's cohort themselves, with B's join code (B could not add them: they are A's).
    await joinWithCode(managerB, other, shared);

    const flags = async (who: Who) => {
      const res = await api(who, 'GET', `/cohorts/${k}/members`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return Object.fromEntries(
        (res.body.items as { userId: string; canResetPassword: boolean }[]).map((m) => [m.userId, m.canResetPassword]),
      );
    };
    // Manager A: the learner only in A's cohorts yes; the one also in B's cohort no; staff rows (A's own, the instructor) no.
    expect(await flags(managerA)).toEqual({
      [only.id]: true,
      [shared.id]: false,
      [instructor.id]: false,
      [managerA.id]: false,
    });
    // An admin may make a code for any learner of the cohort, never for staff.
    expect(await flags(admin)).toEqual({
      [only.id]: true,
      [shared.id]: true,
      [instructor.id]: false,
      [managerA.id]: false,
    });
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
    expect(miss).toEqual({
      action: 'user.viewed',
      target_user_id: null,
      details: { reason: 'cohort_lookup', cohortId: k, found: false },
    });
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
    expect(
      (
        await t.db.query(`SELECT count(*)::int AS n FROM cohort_members WHERE cohort_id = $1 AND user_id = $2`, [
          a,
          learner.id,
        ])
      )[0].n,
    ).toBe(0);
    expect((await audits(managerB.id)).length).toBe(before);
    // Admins look up for any cohort; learners and instructors not at all.
    expect((await api(admin, 'POST', `/cohorts/${a}/members/lookup`, { username: learner.username })).status).toBe(200);
    const learnerSession = { id: learner.id, cookie: await t.login(learner.username) };
    expect(
      (await api(learnerSession, 'POST', `/cohorts/${a}/members/lookup`, { username: learner.username })).status,
    ).toBe(403);
  });

  it('Manager scope: manager B can neither find nor add manager A’s learner, nor find staff — the same answer as a made-up username — and nothing changes', async () => {
    const [mA, mB] = await Promise.all([t.signedIn('manager'), t.signedIn('manager')]);
    const a1 = await cohort(mA);
    const a2 = await cohort(mA); // a manager with two cohorts
    const b = await cohort(mB);
    const [ofA, inBoth, free, own] = await Promise.all([
      t.createUser('learner'),
      t.createUser('learner'),
      t.createUser('learner'),
      t.createUser('learner'),
    ]);
    const staff = await Promise.all([t.createUser('instructor'), t.createUser('manager'), t.createUser('admin')]);
    expect(
      (
        await api(mA, 'POST', `/cohorts/${a1}/members`, {
          members: [
            { userId: ofA.id, role: 'learner' },
            { userId: inBoth.id, role: 'learner' },
          ],
        })
      ).status,
    ).toBe(200);
    expect(
      (await api(mA, 'POST', `/cohorts/${a2}/members`, { members: [{ userId: inBoth.id, role: 'learner' }] })).status,
    ).toBe(200);
    expect(
      (await api(mB, 'POST', `/cohorts/${b}/members`, { members: [{ userId: own.id, role: 'learner' }] })).status,
    ).toBe(200);

    const lookup = (who: Who, username: string) => api(who, 'POST', `/cohorts/${b}/members/lookup`, { username });
    const madeUp = await lookup(mB, `nobody${Date.now()}`);
    expect(madeUp.status).toBe(404);
    const same = (res: { status: number; body: Record<string, unknown> }) => [
      res.status,
      { ...res.body, requestId: 0 },
    ];
    for (const person of [ofA, inBoth, ...staff])
      expect(same(await lookup(mB, person.username)), person.username).toEqual(same(madeUp));
    // A learner in no cohort, and one only in B's own cohorts, may be found.
    expect((await lookup(mB, free.username)).body).toMatchObject({
      userId: free.id,
      accountRole: 'learner',
      member: null,
    });
    expect((await lookup(mB, own.username)).body).toMatchObject({ userId: own.id, member: 'learner' });

    // Adding by id: A's learner (alone, or with a learner B may add) is the same 404 as a made-up id, and nobody is added.
    const before = await Promise.all([ofA, inBoth, free].map((u) => memberships(u.id)));
    const addMissing = await api(mB, 'POST', `/cohorts/${b}/members`, {
      members: [{ userId: randomUUID(), role: 'learner' }],
    });
    expect(addMissing.status).toBe(404);
    expect(same(addMissing)).toEqual(same(madeUp));
    for (const members of [[ofA], [inBoth], [free, ofA]].map((us) =>
      us.map((u) => ({ userId: u.id, role: 'learner' })),
    )) {
      expect(same(await api(mB, 'POST', `/cohorts/${b}/members`, { members })), JSON.stringify(members)).toEqual(
        same(addMissing),
      );
    }
    expect(await Promise.all([ofA, inBoth, free].map((u) => memberships(u.id)))).toEqual(before);

    // Manager A moves their own learner between their two cohorts freely; B takes on the free learner.
    expect((await api(mA, 'POST', `/cohorts/${a2}/members/lookup`, { username: ofA.username })).status).toBe(200);
    expect(
      (await api(mA, 'POST', `/cohorts/${a2}/members`, { members: [{ userId: ofA.id, role: 'learner' }] })).status,
    ).toBe(200);
    expect(
      (await api(mB, 'POST', `/cohorts/${b}/members`, { members: [{ userId: free.id, role: 'learner' }] })).status,
    ).toBe(200);
    // Now the free learner is B's: A cannot find them either.
    expect((await api(mA, 'POST', `/cohorts/${a1}/members/lookup`, { username: free.username })).status).toBe(404);

    // An admin keeps full reach: finds staff and A's learners, and adds A's learner to B's cohort.
    for (const person of [ofA, ...staff])
      expect((await lookup(admin, person.username)).status, person.username).toBe(200);
    expect(
      (await api(admin, 'POST', `/cohorts/${b}/members`, { members: [{ userId: ofA.id, role: 'learner' }] })).status,
    ).toBe(200);
    expect(await memberships(ofA.id)).toEqual([a1, a2, b].sort());

    // Every refused lookup is audited with whom it aimed at, so probing shows in the log.
    const refused = (await audits(mB.id)).filter((e) => e.action === 'user.viewed' && e.details.outOfReach);
    expect(refused.map((e) => e.target_user_id).sort()).toEqual([ofA, inBoth, ...staff].map((u) => u.id).sort());
  });

  it('a learner who already has an account joins another programme’s cohort with its join code (their consent), once', async () => {
    const [mA, mB] = await Promise.all([t.signedIn('manager'), t.signedIn('manager')]);
    const a = await cohort(mA);
    const b = await cohort(mB);
    const learner = await t.createUser('learner');
    expect(
      (await api(mA, 'POST', `/cohorts/${a}/members`, { members: [{ userId: learner.id, role: 'learner' }] })).status,
    ).toBe(200);
    const code = (await api(mB, 'POST', `/cohorts/${b}/join-codes`, { maxUses: 1 })).body as {
      id: string;
      code: string;
    };
    const me = { id: learner.id, cookie: await t.login(learner.username) };
    const joined = await api(me, 'POST', '/me/cohorts', { code: code.code.toLowerCase().replace('-', ' ') });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body).toEqual({ cohortName: expect.stringContaining('기수') });
    expect(await memberships(learner.id)).toEqual([a, b].sort());
    // Joining again changes nothing and uses nothing of the code (it allowed one use).
    expect((await api(me, 'POST', '/me/cohorts', { code: code.code })).status).toBe(200);
    expect((await api(mB, 'GET', `/cohorts/${b}/join-codes`)).body.items[0]).toMatchObject({ uses: 1, usable: false });
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'user.joined' AND actor_id = $1`,
      [learner.id],
    );
    expect(n).toBe(1);
    // The code's rules hold as for a new account: used up, unknown.
    const other = await t.createUser('learner');
    const otherMe = { id: other.id, cookie: await t.login(other.username) };
    expect((await api(otherMe, 'POST', '/me/cohorts', { code: code.code })).body.code).toBe('join_code_used_up');
    expect((await api(otherMe, 'POST', '/me/cohorts', { code: 'ZZZZZ-ZZZZZ' })).status).toBe(404);
    expect(await memberships(other.id)).toEqual([]);
    // Staff join nothing with a code.
    expect((await api(mA, 'POST', '/me/cohorts', { code: code.code })).status).toBe(403);
  });

  it('bad input is a 400 and looks nothing up', async () => {
    const k = await cohort(managerA);
    const before = (await audits(managerA.id)).length;
    for (const body of [
      {},
      { username: '' },
      { username: 'a'.repeat(200) },
      { username: 'two words' },
      { username: 42 },
      { username: 'somebody', role: 'admin' },
      { q: 'a' },
    ]) {
      const res = await api(managerA, 'POST', `/cohorts/${k}/members/lookup`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await api(managerA, 'POST', `/cohorts/not-a-uuid/members/lookup`, { username: 'somebody' })).status).toBe(
      400,
    );
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

describe('cohort members: a manager corrects a learner’s display name', () => {
  let t: TestApp;
  let managerA: Who;
  let managerB: Who;
  let admin: Who;
  beforeAll(async () => {
    t = await TestApp.create();
    [managerA, managerB, admin] = await Promise.all([
      t.signedIn('manager'),
      t.signedIn('manager'),
      t.signedIn('admin'),
    ]);
  });
  afterAll(() => t.close());

  const api = (who: Who, method: 'POST' | 'PATCH', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who.cookie, body });
  const cohort = async (who: Who) =>
    (await api(who, 'POST', '/cohorts', { name: uniqueName('기수 ') })).body.id as string;
  const nameOf = async (id: string) =>
    (await t.db.query<{ display_name: string }[]>(`SELECT display_name FROM users WHERE id = $1`, [id]))[0]
      .display_name;
  /** Renames audited in one cohort (by anyone). */
  const renames = async (cohortId: string) =>
    await t.db.query<
      {
        target_user_id: string;
        request_id: string | null;
        details: Record<string, unknown>;
      }[]
    >(
      `SELECT target_user_id, request_id, details FROM audit_events WHERE details->>'cohortId' = $1 AND action = 'user.updated' AND details->>'change' = 'member_renamed' ORDER BY occurred_at, id`,
      [cohortId],
    );

  it('renames a learner of their cohort (trimmed, NFC), answers the member, and audits it with ids only', async () => {
    const k = await cohort(managerA);
    const learner = await t.createUser('learner', { displayName: '�ϴ�' });
    expect(
      (await api(managerA, 'POST', `/cohorts/${k}/members`, { members: [{ userId: learner.id, role: 'learner' }] }))
        .status,
    ).toBe(200);
    // 하늘 typed as decomposed jamo: stored composed, as every display name is.
    const res = await api(managerA, 'PATCH', `/cohorts/${k}/members/${learner.id}`, {
      displayName: '  \u1112\u1161\u1102\u1173\u11af ',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      userId: learner.id,
      displayName: '하늘',
      role: 'learner',
      canResetPassword: true,
    });
    expect(await nameOf(learner.id)).toBe('하늘');
    const events = await renames(k);
    expect(events).toEqual([
      {
        target_user_id: learner.id,
        request_id: expect.any(String),
        details: { change: 'member_renamed', cohortId: k, fields: ['displayName'] },
      },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/하늘|�/);
    // An admin may too.
    expect((await api(admin, 'PATCH', `/cohorts/${k}/members/${learner.id}`, { displayName: '하늘빛' })).status).toBe(
      200,
    );
    expect(await nameOf(learner.id)).toBe('하늘빛');
  });

  it('only a learner wholly in the manager’s care: another programme’s learner, staff, a non-member, another cohort and a missing id are one 404, and nothing changes', async () => {
    const k = await cohort(managerA);
    const other = await cohort(managerB);
    const shared = await t.createUser('learner', { displayName: '바다' });
    const outsider = await t.createUser('learner', { displayName: '구름' });
    const instructor = await t.createUser('instructor', { displayName: '박선생' });
    expect(
      (
        await api(managerA, 'POST', `/cohorts/${k}/members`, {
          members: [
            { userId: shared.id, role: 'learner' },
            { userId: instructor.id, role: 'instructor' },
          ],
        })
      ).status,
    ).toBe(200);
    // The learner also joins B's cohort themselves: A may no longer act on their account.
    const code = (await api(managerB, 'POST', `/cohorts/${other}/join-codes`, { maxUses: 5 })).body.code as string;
    expect(
      (await api({ id: shared.id, cookie: await t.login(shared.username) }, 'POST', '/me/cohorts', { code })).status,
    ).toBe(200);

    const missing = await api(managerA, 'PATCH', `/cohorts/${k}/members/${randomUUID()}`, { displayName: '새 이름' });
    expect(missing.status).toBe(404);
    for (const [who, cohortId, userId] of [
      [managerA, k, shared.id],
      [managerA, k, instructor.id],
      [managerA, k, outsider.id],
      [managerA, k, managerA.id],
      [managerB, k, shared.id],
      [managerA, randomUUID(), shared.id],
    ] as const) {
      const res = await api(who, 'PATCH', `/cohorts/${cohortId}/members/${userId}`, { displayName: '새 이름' });
      expect(res.status).toBe(404);
      expect({ ...res.body, requestId: undefined }).toEqual({
        ...missing.body,
        requestId: undefined,
        message: expect.any(String),
      });
    }
    expect([await nameOf(shared.id), await nameOf(outsider.id), await nameOf(instructor.id)]).toEqual([
      '바다',
      '구름',
      '박선생',
    ]);
    expect(await renames(k)).toEqual([]);
    // The admin reaches the shared learner.
    expect((await api(admin, 'PATCH', `/cohorts/${k}/members/${shared.id}`, { displayName: '바다별' })).status).toBe(
      200,
    );
  });

  it('bad names are a 400 naming the field, and change nothing', async () => {
    const k = await cohort(managerA);
    const learner = await t.createUser('learner', { displayName: '새별' });
    expect(
      (await api(managerA, 'POST', `/cohorts/${k}/members`, { members: [{ userId: learner.id, role: 'learner' }] }))
        .status,
    ).toBe(200);
    for (const body of [
      {},
      { displayName: '' },
      { displayName: '   ' },
      { displayName: 'a'.repeat(51) },
      { displayName: 'a\u0000b' },
      { displayName: 42 },
      { displayName: '이름', role: 'admin' },
    ]) {
      const res = await api(managerA, 'PATCH', `/cohorts/${k}/members/${learner.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.fields)).toMatch(/displayName|role/);
    }
    expect(await nameOf(learner.id)).toBe('새별');
    expect(await renames(k)).toEqual([]);
  });
});
