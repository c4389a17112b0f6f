import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '@dari/contracts';
import { TEST_PASSWORD, TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string; username?: string };

describe('program management', () => {
  let t: TestApp;
  let author: Who;
  let managerA: Who;
  let managerB: Who;
  let admin: Who;
  beforeAll(async () => {
    t = await TestApp.create({ DARI_LOGIN_MAX_FAILURES_PER_IP: '1000' });
    [author, managerA, managerB, admin] = await Promise.all([
      t.signedIn('instructor'),
      t.signedIn('manager'),
      t.signedIn('manager'),
      t.signedIn('admin'),
    ]);
  });
  afterAll(() => t.close());

  const api = (who: Who | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who?.cookie, body });
  const ev = (lessonId: string, type: string, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    lessonId,
    type,
    occurredAt: new Date().toISOString(),
    ...extra,
  });

  /** A published course with two required readings and a quiz (q1 right = 'a'). */
  async function course(policy: 'open' | 'cohort' = 'open') {
    const slug = uniqueName('prog-').toLowerCase();
    let c = (
      await api(author, 'POST', '/authoring/courses', { slug, title: { ko: `과정 ${slug}` }, enrolmentPolicy: policy })
    ).body;
    c = (await api(author, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const ids: string[] = [];
    for (const [kind, content] of [
      ['reading', { kind: 'reading', body: { ko: '가' } }],
      ['reading', { kind: 'reading', body: { ko: '나' } }],
      [
        'quiz',
        {
          kind: 'quiz',
          passMark: 100,
          shuffle: false,
          questions: [
            {
              key: 'q1',
              type: 'single',
              prompt: { ko: '?' },
              explanation: { ko: '!' },
              options: [
                { key: 'a', text: { ko: '예' }, correct: true },
                { key: 'b', text: { ko: '아니요' }, correct: false },
              ],
            },
          ],
        },
      ],
    ] as const) {
      const l = (
        await api(author, 'POST', `/authoring/modules/${c.modules[0].id}/lessons`, { kind, title: { ko: kind } })
      ).body;
      await api(author, 'PATCH', `/authoring/lessons/${l.id}`, { revision: 0, content });
      ids.push(l.id);
    }
    expect((await api(author, 'POST', `/authoring/courses/${c.id}/publish`)).status).toBe(201);
    return { id: c.id as string, slug, lessons: ids };
  }

  async function cohort(manager: Who = managerA) {
    const res = await api(manager, 'POST', '/cohorts', {
      name: `2027 봄 ${uniqueName()}`,
      startsOn: '2027-03-01',
      endsOn: '2027-06-30',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  async function joinCode(manager: Who, k: string): Promise<string> {
    const res = await api(manager, 'POST', `/cohorts/${k}/join-codes`, { maxUses: 10 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.code;
  }

  /** A learner who already has an account joins a cohort with its code (their consent to that programme). */
  async function joinExisting(learner: { id: string; username: string }, code: string) {
    const res = await api({ id: learner.id, cookie: await t.login(learner.username) }, 'POST', '/me/cohorts', { code });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  async function joinWith(code: string, extra: Record<string, unknown> = {}) {
    const username = uniqueName('joiner');
    t.secrets.add(username);
    return t.request('POST', '/api/v1/join', {
      body: {
        code,
        username,
        displayName: '새 친구',
        password: TEST_PASSWORD,
        locale: 'zh',
        acceptPrivacy: true,
        privacyVersion: PRIVACY_NOTICE_VERSION,
        ...extra,
      },
    });
  }

  it('a manager creates a cohort, a join code, and a learner joins with it into the cohort and its courses', async () => {
    const c = await course('cohort');
    const id = await cohort();
    expect(
      (await api(managerA, 'PUT', `/cohorts/${id}/courses`, { courseId: c.id, dueOn: '2027-05-01' })).body.courses,
    ).toMatchObject([{ courseId: c.id, dueOn: '2027-05-01' }]);
    const code = await api(managerA, 'POST', `/cohorts/${id}/join-codes`, { maxUses: 2 });
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect((await t.request('GET', `/api/v1/join/${code.body.code.toLowerCase()}`)).body).toEqual({
      cohortName: expect.stringContaining('2027 봄'),
    });

    const joined = await joinWith(code.body.code);
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    expect(joined.body).toMatchObject({ role: 'learner', locale: 'zh', displayName: '새 친구' });
    expect(joined.cookie).toBeDefined();
    const learner = { id: joined.body.id, cookie: joined.cookie! };
    // A cohort-only course is visible to the cohort's learners, and they are already enrolled.
    expect((await api(learner, 'GET', '/courses')).body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await api(learner, 'GET', '/me/learning')).body.items[0]).toMatchObject({
      courseId: c.id,
      status: 'active',
    });
    const outsider = await t.signedIn('learner');
    expect((await api(outsider, 'GET', '/courses')).body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await api(outsider, 'POST', `/courses/${c.slug}/enrol`, {})).status).toBe(404);
    const [u] = await t.db.query(`SELECT privacy_version, privacy_accepted_at FROM users WHERE id = $1`, [learner.id]);
    expect(u.privacy_version).toBe(PRIVACY_NOTICE_VERSION);
    expect(u.privacy_accepted_at).not.toBeNull();
    const members = (await api(managerA, 'GET', `/cohorts/${id}/members?role=learner`)).body;
    expect(members).toMatchObject({
      total: 1,
      items: [{ userId: learner.id, displayName: '새 친구', role: 'learner' }],
    });
  });

  it('join-code rules: expired, used up, revoked and unknown codes say so clearly, and nothing is created', async () => {
    const id = await cohort();
    const users = async () => (await t.db.query(`SELECT count(*)::int AS n FROM users`))[0].n;
    const once = (await api(managerA, 'POST', `/cohorts/${id}/join-codes`, { maxUses: 1 })).body;
    expect((await joinWith(once.code)).status).toBe(201);
    const before = await users();
    const usedUp = await joinWith(once.code);
    expect(usedUp.status).toBe(410);
    expect(usedUp.body.code).toBe('join_code_used_up');
    const revoked = (await api(managerA, 'POST', `/cohorts/${id}/join-codes`, {})).body;
    expect((await api(managerA, 'POST', `/cohorts/${id}/join-codes/${revoked.id}/revoke`)).body.usable).toBe(false);
    expect((await joinWith(revoked.code)).body.code).toBe('join_code_revoked');
    const soon = (
      await api(managerA, 'POST', `/cohorts/${id}/join-codes`, {
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      })
    ).body;
    await t.db.query(`UPDATE join_codes SET expires_at = now() - interval '1 minute' WHERE id = $1`, [soon.id]);
    expect((await joinWith(soon.code)).body.code).toBe('join_code_expired');
    const unknown = await joinWith('ABCDE-FGHJK');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('invalid_join_code');
    expect((await joinWith('short')).status).toBe(400);
    expect((await joinWith(once.code, { acceptPrivacy: false })).status).toBe(400);
    const ok = (await api(managerA, 'POST', `/cohorts/${id}/join-codes`, {})).body;
    const common = await joinWith(ok.code, { password: 'password' });
    expect(common.body.code).toBe('password_too_common');
    expect(await users()).toBe(before);
    expect(
      (await api(managerA, 'POST', `/cohorts/${id}/join-codes`, { expiresAt: '2020-01-01T00:00:00Z' })).status,
    ).toBe(400);
    const [{ uses }] = await t.db.query(`SELECT uses FROM join_codes WHERE id = $1`, [ok.id]);
    expect(uses).toBe(0);
  });

  it('bulk accounts from CSV: bad rows reported by line, nothing half-created; good CSV gives one-time codes', async () => {
    const c = await course();
    const id = await cohort();
    await api(managerA, 'PUT', `/cohorts/${id}/courses`, { courseId: c.id });
    const taken = await t.createUser('learner');
    const tag = uniqueName('b');
    const bad = await api(managerA, 'POST', `/cohorts/${id}/learners/import`, {
      csv: `username,displayName,language\n${tag}1,하나,ko\n${tag}1,둘,ko\nx y,셋,ko\n${tag}4,,en\n${tag}5,다섯,fr\n${taken.username},여섯,ko\n`,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path)).toEqual([
      'csv.line.3.username',
      'csv.line.4.username',
      'csv.line.5.displayName',
      'csv.line.6.language',
      'csv.line.7.username',
    ]);
    expect(bad.body.message).toMatch(/nothing was created/);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM users WHERE username LIKE $1`, [`${tag}%`]))[0].n).toBe(0);
    const good = await api(managerA, 'POST', `/cohorts/${id}/learners/import`, {
      csv: `\uFEFFUsername,Display Name,Language\n${tag}a,가람,ko\n${tag}b,Bora,en\n`,
    });
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    expect(good.body.created).toHaveLength(2);
    const slip = good.body.created[0];
    t.secrets.add(slip.code.replace(/-/g, ''));
    [`${tag}a`, `${tag}b`].forEach((u) => t.secrets.add(u));
    const redeemed = await t.request('POST', '/api/v1/auth/redeem-reset-code', {
      body: { username: slip.username, code: slip.code, newPassword: 'a slip passphrase here' },
    });
    expect(redeemed.status).toBe(204);
    const cookie = await t.login(slip.username, 'a slip passphrase here');
    expect(
      (await api({ id: '', cookie }, 'GET', '/me/learning')).body.items.map((x: { courseId: string }) => x.courseId),
    ).toEqual([c.id]);
    expect((await api(managerA, 'POST', `/cohorts/${id}/learners/import`, { csv: 'name\n' })).status).toBe(400);
    // A course without a due date is never overdue (and the grid answers).
    const grid = await api(managerA, 'GET', `/reports/cohorts/${id}`);
    expect(grid.status, JSON.stringify(grid.body)).toBe(200);
    expect(grid.body.learners.every((l: { cells: { overdue: boolean }[] }) => l.cells.every((c) => !c.overdue))).toBe(
      true,
    );
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/cohorts/${id}/export`,
      headers: { cookie: `dari_session=${managerA.cookie}` },
    });
    expect(csv.statusCode).toBe(200);
  });

  it('a manager cannot take over another programme’s learner by adding them to their own cohort', async () => {
    const cohortA = await cohort(managerA);
    const cohortB = await cohort(managerB);
    const learner = await t.createUser('learner');
    await api(managerB, 'POST', `/cohorts/${cohortB}/members`, { members: [{ userId: learner.id, role: 'learner' }] });
    // Manager A may not add B's learner to cohort A (Manager scope): "no such account", nothing added …
    expect(
      (
        await api(managerA, 'POST', `/cohorts/${cohortA}/members`, {
          members: [{ userId: learner.id, role: 'learner' }],
        })
      ).status,
    ).toBe(404);
    expect(await t.db.query(`SELECT cohort_id FROM cohort_members WHERE user_id = $1`, [learner.id])).toEqual([
      { cohort_id: cohortB },
    ]);
    // … the learner may join A's cohort themselves, with A's join code (they then show in both programmes) …
    await joinExisting(learner, await joinCode(managerA, cohortA));
    // … but A can neither make a password code for them nor erase them: they are also in B's cohort.
    const codesBefore = await t.db.query(`SELECT count(*)::int AS n FROM reset_codes WHERE user_id = $1`, [learner.id]);
    expect((await api(managerA, 'POST', `/cohorts/${cohortA}/members/${learner.id}/reset-code`)).status).toBe(404);
    expect((await api(managerA, 'POST', `/users/${learner.id}/erase`)).status).toBe(404);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM reset_codes WHERE user_id = $1`, [learner.id])).toEqual(
      codesBefore,
    );
    expect((await t.db.query(`SELECT erased_at FROM users WHERE id = $1`, [learner.id]))[0].erased_at).toBeNull();
    // Staff accounts are never a manager's to reset, even as a cohort's learner.
    const staff = await t.createUser('instructor');
    await api(managerA, 'POST', `/cohorts/${cohortA}/members`, { members: [{ userId: staff.id, role: 'learner' }] });
    expect((await api(managerA, 'POST', `/cohorts/${cohortA}/members/${staff.id}/reset-code`)).status).toBe(404);
    // Once the learner is only in A's cohort, A cares for them.
    await t.db.query(`DELETE FROM cohort_members WHERE cohort_id = $1 AND user_id = $2`, [cohortB, learner.id]);
    expect((await api(managerA, 'POST', `/cohorts/${cohortA}/members/${learner.id}/reset-code`)).status).toBe(201);
    // An admin always can, and may put the learner in both programmes.
    expect(
      (
        await api(managerB, 'POST', `/cohorts/${cohortB}/members`, {
          members: [{ userId: learner.id, role: 'learner' }],
        })
      ).status,
    ).toBe(404);
    expect(
      (await api(admin, 'POST', `/cohorts/${cohortB}/members`, { members: [{ userId: learner.id, role: 'learner' }] }))
        .status,
    ).toBe(200);
    expect((await api(admin, 'POST', `/cohorts/${cohortA}/members/${learner.id}/reset-code`)).status).toBe(201);
  });

  it('managers see only their cohorts: another manager gets 404 for everything of cohort A, and nothing changes', async () => {
    const id = await cohort(managerA);
    const learner = await t.createUser('learner');
    await api(managerA, 'POST', `/cohorts/${id}/members`, { members: [{ userId: learner.id, role: 'learner' }] });
    const missing = randomUUID();
    for (const [method, path, body] of [
      ['GET', `/cohorts/${id}`],
      ['PATCH', `/cohorts/${id}`, { name: 'x' }],
      ['GET', `/cohorts/${id}/members`],
      ['POST', `/cohorts/${id}/members`, { members: [{ userId: managerB.id, role: 'manager' }] }],
      ['POST', `/cohorts/${id}/join-codes`, {}],
      ['GET', `/cohorts/${id}/join-codes`],
      ['POST', `/cohorts/${id}/learners/import`, { csv: 'username,displayName\nabc,def\n' }],
      ['POST', `/cohorts/${id}/members/${learner.id}/reset-code`],
      ['GET', `/reports/cohorts/${id}`],
      ['GET', `/reports/cohorts/${id}/export`],
    ] as const) {
      const forbidden = await api(managerB, method, path, body);
      const absent = await api(managerB, method, path.replace(id, missing), body);
      expect(forbidden.status, `${method} ${path}`).toBe(404);
      expect({ ...forbidden.body, requestId: 0 }, path).toEqual({ ...absent.body, requestId: 0 });
    }
    expect((await api(managerB, 'GET', '/cohorts')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await api(managerB, 'GET', `/reports/learners/${learner.id}`)).status).toBe(404);
    expect((await api(managerA, 'GET', `/reports/learners/${learner.id}`)).status).toBe(200);
    expect((await api(admin, 'GET', `/cohorts/${id}`)).status).toBe(200);
    const learnerSession = await t.login(learner.username);
    expect((await api({ id: '', cookie: learnerSession }, 'GET', '/cohorts')).status).toBe(403);
    expect((await api(author, 'GET', `/reports/cohorts/${id}`)).status).toBe(403);
    const [row] = await t.db.query(`SELECT name FROM cohorts WHERE id = $1`, [id]);
    expect(row.name).not.toBe('x');
    const roles = await t.db.query(`SELECT count(*)::int AS n FROM cohort_members WHERE cohort_id = $1`, [id]);
    expect(roles[0].n).toBe(2);
  });

  it('at risk with a past-due course: the count and the pages follow the definition (inactive, or still active in a past-due course)', async () => {
    const [late, later] = [await course(), await course()];
    const id = await cohort();
    await api(managerA, 'PUT', `/cohorts/${id}/courses`, { courseId: late.id, dueOn: '2020-01-01' });
    await api(managerA, 'PUT', `/cohorts/${id}/courses`, { courseId: later.id, dueOn: '2099-01-01' });
    const tag = uniqueName('위험').slice(0, 12);
    const who: Record<string, string> = {};
    for (const k of 'PQRSTUVW') {
      const u = await t.createUser('learner', { displayName: `${tag} ${k}` });
      await api(managerA, 'POST', `/cohorts/${id}/members`, { members: [{ userId: u.id, role: 'learner' }] });
      who[k] = u.id;
    }
    const status = (k: string, s: string) =>
      t.db.query(`UPDATE enrolments SET status = $3 WHERE user_id = $1 AND course_id = $2`, [who[k], late.id, s]);
    const unenrol = (k: string, courseId = late.id) =>
      t.db.query(`DELETE FROM enrolments WHERE user_id = $1 AND course_id = $2`, [who[k], courseId]);
    const idle = (k: string) =>
      t.db.query(
        `UPDATE cohort_members SET last_active_at = now() - interval '40 days', added_at = now() - interval '40 days' WHERE cohort_id = $1 AND user_id = $2`,
        [id, who[k]],
      );
    await status('P', 'completed'); // recent, finished the past-due course: not at risk
    // Q: recent, still active in the past-due course: at risk
    await unenrol('R'); // recent, not enrolled in the past-due course (active in the other one): not at risk
    await status('S', 'withdrawn'); // recent, withdrew from the past-due course: not at risk
    await status('T', 'completed');
    await idle('T'); // finished it but inactive for 40 days: at risk
    await idle('U'); // inactive and still active in the past-due course: at risk, counted once
    await unenrol('V');
    await unenrol('V', later.id);
    await t.db.query(
      `UPDATE cohort_members SET last_active_at = NULL, added_at = now() - interval '40 days' WHERE cohort_id = $1 AND user_id = $2`,
      [id, who.V],
    ); // never active since joining 40 days ago: at risk
    await unenrol('W');
    await unenrol('W', later.id); // joined just now, enrolled in nothing: not at risk

    const names = (g: { learners: { displayName: string }[] }) =>
      g.learners.map((l) => l.displayName.slice(-1)).join('');
    const all = (await api(managerA, 'GET', `/reports/cohorts/${id}`)).body;
    expect(all.total).toBe(8);
    expect(
      all.learners
        .filter((l: { atRisk: boolean }) => l.atRisk)
        .map((l: { displayName: string }) => l.displayName.slice(-1))
        .join(''),
    ).toBe('QTUV');
    const risky = (await api(managerA, 'GET', `/reports/cohorts/${id}?atRisk=true`)).body;
    expect([risky.total, names(risky)]).toEqual([4, 'QTUV']);
    const p1 = (await api(managerA, 'GET', `/reports/cohorts/${id}?atRisk=true&pageSize=3`)).body;
    expect([p1.total, names(p1), p1.prevCursor]).toEqual([4, 'QTU', null]);
    const p2 = (await api(managerA, 'GET', `/reports/cohorts/${id}?atRisk=true&pageSize=3&after=${p1.nextCursor}`))
      .body;
    expect([p2.total, names(p2), p2.nextCursor]).toEqual([4, 'V', null]);
    const back = (await api(managerA, 'GET', `/reports/cohorts/${id}?atRisk=true&pageSize=3&before=${p2.prevCursor}`))
      .body;
    expect(names(back)).toBe('QTU');
    // Without a course past due only inactivity counts; with both past due, P, R and S (still active in the other) join.
    // (Due dates set directly: assigning a course again would enrol R, V and W in it.)
    const due = (courseId: string, on: string) =>
      t.db.query(`UPDATE cohort_courses SET due_on = $3 WHERE cohort_id = $1 AND course_id = $2`, [id, courseId, on]);
    await due(late.id, '2099-01-01');
    const noneDue = (await api(managerA, 'GET', `/reports/cohorts/${id}?atRisk=true`)).body;
    expect([noneDue.total, names(noneDue)]).toEqual([3, 'TUV']);
    await due(late.id, '2020-01-01');
    await due(later.id, '2020-01-02');
    const bothDue = (await api(managerA, 'GET', `/reports/cohorts/${id}?atRisk=true`)).body;
    expect([bothDue.total, names(bothDue)]).toEqual([7, 'PQRSTUV']);
  });

  it('program report as people make it: a manager with two cohorts, a learner in both, a course assigned to both, a learner also in another programme', async () => {
    // Managers of their own here: the file's other tests give mA and mB more cohorts.
    const [mA, mB] = await Promise.all([t.signedIn('manager'), t.signedIn('manager')]);
    const [c1, c2, c3] = [await course(), await course(), await course()];
    const [k1, k2] = [await cohort(mA), await cohort(mA)];
    const k3 = await cohort(mB);
    await api(mA, 'PUT', `/cohorts/${k1}/courses`, { courseId: c1.id });
    await api(mA, 'PUT', `/cohorts/${k2}/courses`, { courseId: c1.id });
    await api(mA, 'PUT', `/cohorts/${k2}/courses`, { courseId: c2.id });
    await api(mB, 'PUT', `/cohorts/${k3}/courses`, { courseId: c3.id });
    const [l1, l2, l3, l4] = [
      await t.createUser('learner'),
      await t.createUser('learner'),
      await t.createUser('learner'),
      await t.createUser('learner'),
    ];
    const add = async (who: Who, k: string, ids: string[]) =>
      expect(
        (
          await api(who, 'POST', `/cohorts/${k}/members`, {
            members: ids.map((userId) => ({ userId, role: 'learner' })),
          })
        ).status,
      ).toBe(200);
    await add(mA, k1, [l1.id, l2.id, l4.id]); // l2 in both of A's cohorts
    await add(mA, k2, [l2.id, l3.id]);
    // l4 in A's cohort 1 and B's cohort 3: B cannot add A's learner, so l4 joins with B's join code.
    expect(
      (await api(mB, 'POST', `/cohorts/${k3}/members`, { members: [{ userId: l4.id, role: 'learner' }] })).status,
    ).toBe(404);
    await joinExisting(l4, await joinCode(mB, k3));
    const done = (u: string, c: string) =>
      t.db.query(
        `UPDATE enrolments SET status = 'completed', completed_at = now() WHERE user_id = $1 AND course_id = $2`,
        [u, c],
      );
    await done(l1.id, c1.id);
    await done(l2.id, c2.id);
    await done(l4.id, c3.id);
    await t.db.query(
      `UPDATE enrolments SET status = 'withdrawn', withdrawn_at = now() WHERE user_id = $1 AND course_id = $2`,
      [l3.id, c2.id],
    );
    const ours = new Set([c1.id, c2.id, c3.id]);
    const courses = (r: { courses: { id: string; enrolments: number; completions: number }[] }) =>
      Object.fromEntries(
        r.courses
          .filter((x) => ours.has(x.id))
          .map((x) => [[c1.id, c2.id, c3.id].indexOf(x.id) + 1, [x.enrolments, x.completions]]),
      );
    const cohorts = (r: { cohorts: { id: string; learners: number; enrolments: number; completions: number }[] }) =>
      Object.fromEntries(
        r.cohorts
          .filter((x) => [k1, k2, k3].includes(x.id))
          .map((x) => [[k1, k2, k3].indexOf(x.id) + 1, [x.learners, x.enrolments, x.completions]]),
      );

    // Manager A: four people (l2 once), cohort rows count only the cohort's assigned courses, the course
    // list counts each enrolment of A's learners once (l2's c1 is one enrolment, not two).
    const a = (await api(mA, 'GET', '/reports/program')).body;
    expect(a.learners).toBe(4);
    expect(cohorts(a)).toEqual({ 1: [3, 3, 1], 2: [2, 3, 1] });
    expect(courses(a)).toEqual({ 1: [4, 1], 2: [1, 1], 3: [1, 1] });
    // Manager B, one cohort: l4 and their two courses.
    const b = (await api(mB, 'GET', '/reports/program')).body;
    expect([b.learners, cohorts(b), courses(b)]).toEqual([1, { 3: [1, 1, 1] }, { 1: [1, 0], 3: [1, 1] }]);
    // The admin: every cohort, every enrolment once.
    const all = (await api(admin, 'GET', '/reports/program')).body;
    expect(cohorts(all)).toEqual({ 1: [3, 3, 1], 2: [2, 3, 1], 3: [1, 1, 1] });
    expect(courses(all)).toEqual({ 1: [4, 1], 2: [1, 1], 3: [1, 1] });
    // Once l2 leaves cohort 2, A's cohorts share nobody and the per-cohort counters answer: the same
    // course list (l2's courses still count through cohort 1), cohort 2 without l2.
    expect((await api(mA, 'DELETE', `/cohorts/${k2}/members/${l2.id}`)).status).toBe(200);
    const a2 = (await api(mA, 'GET', '/reports/program')).body;
    expect([a2.learners, cohorts(a2), courses(a2)]).toEqual([
      4,
      { 1: [3, 3, 1], 2: [1, 1, 0] },
      { 1: [4, 1], 2: [1, 1], 3: [1, 1] },
    ]);
  });

  it('Manager scope: a learner in two programmes — each manager’s learner report, grid and export show only their cohorts’ courses; an admin sees all', async () => {
    const [mA, mB] = await Promise.all([t.signedIn('manager'), t.signedIn('manager')]);
    const [cA, cA2, cB, cOwn] = [await course('cohort'), await course(), await course('cohort'), await course()];
    const [kA, kA2] = [await cohort(mA), await cohort(mA)]; // a manager with two cohorts
    const kB = await cohort(mB);
    await api(mA, 'PUT', `/cohorts/${kA}/courses`, { courseId: cA.id });
    await api(mA, 'PUT', `/cohorts/${kA2}/courses`, { courseId: cA2.id });
    await api(mB, 'PUT', `/cohorts/${kB}/courses`, { courseId: cB.id });
    const learner = await t.createUser('learner', { displayName: '두 곳 학습자' });
    expect(
      (await api(mA, 'POST', `/cohorts/${kA}/members`, { members: [{ userId: learner.id, role: 'learner' }] })).status,
    ).toBe(200);
    // The learner joins B's cohort with B's join code, and on their own takes cOwn and cA2 (open; cA2 belongs to A's other cohort, which they are not in).
    await joinExisting(learner, await joinCode(mB, kB));
    const me = { id: learner.id, cookie: await t.login(learner.username) };
    for (const c of [cOwn, cA2]) expect((await api(me, 'POST', `/courses/${c.slug}/enrol`, {})).status).toBe(200);
    await api(me, 'POST', '/progress/events', {
      events: [ev(cA.lessons[0], 'completed'), ev(cOwn.lessons[0], 'completed'), ev(cB.lessons[0], 'viewed')],
    });

    const report = async (who: Who) => {
      const res = await api(who, 'GET', `/reports/learners/${learner.id}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as { courses: { courseId: string; lessons: { lessonId: string; status: string }[] }[] };
    };
    const ids = (r: { courses: { courseId: string }[] }) => r.courses.map((c) => c.courseId).sort();
    const rB = await report(mB);
    expect(ids(rB)).toEqual([cB.id]);
    expect(rB.courses[0].lessons.map((l) => l.status)).toEqual(['in_progress', 'not_started', 'not_started']);
    expect(JSON.stringify(rB)).not.toContain(cA.lessons[0]);
    expect(ids(await report(mA))).toEqual([cA.id]);
    expect(ids(await report(admin))).toEqual([cA.id, cA2.id, cB.id, cOwn.id].sort());
    // Opening it is audited, as before.
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'learner.report_viewed' AND actor_id = $1 AND target_user_id = $2`,
      [mB.id, learner.id],
    );
    expect(n).toBe(1);

    // The cohort grid and its export: the cohort's own courses only.
    const grid = (await api(mB, 'GET', `/reports/cohorts/${kB}`)).body;
    expect(grid.courses.map((c: { courseId: string }) => c.courseId)).toEqual([cB.id]);
    expect(grid.learners[0].cells.map((c: { courseId: string }) => c.courseId)).toEqual([cB.id]);
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/cohorts/${kB}/export`,
      headers: { cookie: `dari_session=${mB.cookie}` },
    });
    const [header, row] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header.split(',')).toHaveLength(3 + 3);
    expect(header).toContain(cB.slug);
    expect(row).toMatch(/^두 곳 학습자,.*,0%,배우는 중,아니요$/);

    // Once the learner leaves B's cohort, B reports on them no more.
    expect((await api(mB, 'DELETE', `/cohorts/${kB}/members/${learner.id}`)).status).toBe(200);
    expect((await api(mB, 'GET', `/reports/learners/${learner.id}`)).status).toBe(404);
  });

  it('report numbers match a small hand-computed data set', async () => {
    const c = await course();
    const id = await cohort();
    await api(managerA, 'PUT', `/cohorts/${id}/courses`, { courseId: c.id, dueOn: '2020-01-01' });
    // Four learners: A finishes; B does the two readings and fails the quiz; C views one reading; D never starts.
    const people: Who[] = [];
    for (let i = 0; i < 4; i++) {
      const u = await t.createUser('learner', { displayName: `학습자 ${'ABCD'[i]}` });
      await api(managerA, 'POST', `/cohorts/${id}/members`, { members: [{ userId: u.id, role: 'learner' }] });
      people.push({ id: u.id, cookie: await t.login(u.username) });
    }
    const [a, b, cc] = people;
    const [r1, r2, quiz] = c.lessons;
    await api(a, 'POST', '/progress/events', {
      events: [
        ev(r1, 'completed'),
        ev(r2, 'completed'),
        ev(quiz, 'quiz_submitted', { answers: { q1: ['b'] } }),
        ev(quiz, 'quiz_submitted', { answers: { q1: ['a'] } }),
      ],
    });
    await api(b, 'POST', '/progress/events', {
      events: [ev(r1, 'completed'), ev(r2, 'completed'), ev(quiz, 'quiz_submitted', { answers: { q1: ['b'] } })],
    });
    await api(cc, 'POST', '/progress/events', { events: [ev(r1, 'viewed')] });

    const report = (await api(author, 'GET', `/reports/courses/${c.id}`)).body;
    expect(report).toMatchObject({ enrolments: 4, completions: 1 });
    expect(report.lessons.map((l: { started: number; completed: number }) => [l.started, l.completed])).toEqual([
      [3, 2],
      [2, 2],
      [2, 1],
    ]);
    expect(report.questions).toEqual([expect.objectContaining({ key: 'q1', answers: 3, correctShare: 0.333 })]);

    const grid = (await api(managerA, 'GET', `/reports/cohorts/${id}`)).body;
    expect(grid.total).toBe(4);
    expect(
      grid.learners.map(
        (l: {
          displayName: string;
          cells: { percent: number; status: string; overdue: boolean }[];
          atRisk: boolean;
        }) => [l.displayName, l.cells[0].percent, l.cells[0].status, l.cells[0].overdue, l.atRisk],
      ),
    ).toEqual([
      ['학습자 A', 100, 'completed', false, false],
      ['학습자 B', 66, 'active', true, true],
      ['학습자 C', 0, 'active', true, true],
      ['학습자 D', 0, 'active', true, true],
    ]);
    const page2 = (await api(managerA, 'GET', `/reports/cohorts/${id}?pageSize=3&page=2`)).body;
    expect(page2.learners.map((l: { displayName: string }) => l.displayName)).toEqual(['학습자 D']);
    expect((await api(managerA, 'GET', `/reports/cohorts/${id}?atRisk=true`)).body.total).toBe(3);
    // At-risk learners page by cursor too.
    const risk1 = (await api(managerA, 'GET', `/reports/cohorts/${id}?atRisk=true&pageSize=2`)).body;
    expect(risk1.learners.map((l: { displayName: string }) => l.displayName)).toEqual(['학습자 B', '학습자 C']);
    const risk2 = (
      await api(managerA, 'GET', `/reports/cohorts/${id}?atRisk=true&pageSize=2&after=${risk1.nextCursor}`)
    ).body;
    expect(risk2).toMatchObject({ total: 3, nextCursor: null, prevCursor: risk2.learners[0].userId });
    expect(risk2.learners.map((l: { displayName: string }) => l.displayName)).toEqual(['학습자 D']);

    const program = (await api(managerA, 'GET', '/reports/program')).body;
    const row = program.cohorts.find((x: { id: string }) => x.id === id);
    expect(row).toEqual({
      id,
      name: expect.any(String),
      learners: 4,
      enrolments: 4,
      completions: 1,
      completionRate: 0.25,
    });
    expect(program.activeLast7Days).toBeGreaterThanOrEqual(3);

    const exportsBefore = (
      await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.exported' AND actor_id = $1`,
        [managerA.id],
      )
    )[0].n;
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/cohorts/${id}/export`,
      headers: { cookie: `dari_session=${managerA.cookie}` },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^학습자 A,\d{4}-\d{2}-\d{2} \d{2}:\d{2},아니요,100%,마침,아니요$/);
    expect(lines[2]).toMatch(/^학습자 B,.*,예,66%,배우는 중,예$/);
    // A browser asks for compression: the same bytes (BOM first) arrive once decoded.
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const packed = await t.app.inject({
        method: 'GET',
        url: `/api/v1/reports/cohorts/${id}/export`,
        headers: { cookie: `dari_session=${managerA.cookie}`, 'accept-encoding': encoding },
      });
      expect(packed.statusCode).toBe(200);
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(decode(packed.rawPayload).equals(csv.rawPayload)).toBe(true);
    }
    // The same export as an Excel workbook, in English (the web app sends its language).
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/cohorts/${id}/export?format=xlsx&lang=en`,
      headers: { cookie: `dari_session=${managerA.cookie}` },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toMatch(
      /^attachment; filename="[A-Za-z0-9._-]*progress-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''\S+%20progress%20\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('Learner');
    expect(sheet.getCell('A2').value).toBe('학습자 A');
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Date);
    expect(sheet.getCell('D2').value).toBe(1);
    expect(sheet.getCell('D2').numFmt).toBe('0%');
    expect(sheet.getCell('E2').value).toBe('Completed');
    // An unknown format or language: a readable 400, nothing exported.
    const bad = await api(managerA, 'GET', `/reports/cohorts/${id}/export?format=pdf`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/format/);
    expect((await api(managerA, 'GET', `/reports/program/export?lang=fr`)).status).toBe(400);
    const courseCsv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/courses/${c.id}/export`,
      headers: { cookie: `dari_session=${author.cookie}` },
    });
    expect(courseCsv.body).toContain('퀴즈,,,?,3,33%');
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.exported' AND actor_id = $1`,
      [managerA.id],
    );
    expect(audit[0].n).toBe(exportsBefore + 4);
  });
});
