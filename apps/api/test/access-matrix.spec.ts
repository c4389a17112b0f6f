import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@dari/contracts';
import { CALLERS, Fixtures, fingerprint } from './access-matrix.fixtures.js';
import { ACCESS_MATRIX, ACCESS_MATRIX_VARIANTS, type Side, expected, isAllowed, prepareCase } from './access-matrix.js';
import { listRoutes } from './routes.js';
import { TestApp, type Res } from './test-app.js';

/** The body without what differs on every request. */
const shape = (body: unknown) =>
  body && typeof body === 'object' ? { ...(body as Record<string, unknown>), requestId: undefined } : body;

describe('access-control matrix: every route × role × ownership', () => {
  let t: TestApp;
  let f: Fixtures;
  beforeAll(async () => {
    t = await TestApp.create({ DARI_LOGIN_MAX_FAILURES_PER_IP: '100000' });
    f = await new Fixtures(t).build();
  }, 120_000);
  afterAll(() => t.close());

  it('has an entry for every route of the booted app, and no entry for a route that is gone', () => {
    const live = listRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    const missingFromTable = live.filter((k) => !(k in ACCESS_MATRIX));
    expect(missingFromTable, 'routes without an access-matrix entry (add them to test/access-matrix.ts)').toEqual([]);
    expect(
      Object.keys(ACCESS_MATRIX).filter((k) => !live.includes(k)),
      'access-matrix entries for routes the app no longer has',
    ).toEqual([]);
    expect(live.length).toBeGreaterThan(80);
    // A variant is a route of the table with what it acts on in the body.
    expect(Object.keys(ACCESS_MATRIX_VARIANTS).filter((k) => !(k.split(' (')[0] in ACCESS_MATRIX))).toEqual([]);
  });

  it('every route answers every role and ownership as the table says; a forbidden id answers exactly like a missing one; refused writes change nothing', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const [key, spec] of [...Object.entries(ACCESS_MATRIX), ...Object.entries(ACCESS_MATRIX_VARIANTS)]) {
      const write = !key.startsWith('GET ');
      for (const caller of CALLERS) {
        const cell = spec.expect[caller];
        const sides: (Side | null)[] = spec.object
          ? typeof cell === 'number'
            ? ['own', 'other', 'missing']
            : (['own', 'other', 'missing'] as Side[]).filter((s) => cell[s] !== undefined)
          : [null];
        const answers: Partial<Record<Side, Res>> = {};
        for (const side of sides) {
          const want = expected(cell, side);
          const { send, url } = await prepareCase(f, key, spec, caller, side, {
            fresh: !!spec.fresh && isAllowed(want),
          });
          const before = write && side === 'other' && !isAllowed(want) ? await fingerprint(t) : undefined;
          const res = await send();
          cases++;
          const label = `${key} as ${caller}${side ? ` (${side})` : ''} → ${url}`;
          if (res.status !== want)
            failures.push(`${label}: expected ${want}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          if (res.status >= 500) failures.push(`${label}: server error`);
          if (
            !isAllowed(res.status) &&
            typeof res.body === 'object' &&
            /\bat .+\.(js|ts):\d+|QueryFailedError|SELECT /.test(JSON.stringify(res.body))
          )
            failures.push(`${label}: internals in the error body`);
          if (before !== undefined && (await fingerprint(t)) !== before)
            failures.push(`${label}: a refused request changed stored data`);
          if (side) answers[side] = res;
        }
        // No id oracle: someone else's object and a missing one look the same.
        if (answers.other && answers.missing && !isAllowed(answers.other.status)) {
          if (
            answers.other.status !== answers.missing.status ||
            JSON.stringify(shape(answers.other.body)) !== JSON.stringify(shape(answers.missing.body))
          ) {
            failures.push(
              `${key} as ${caller}: other ${answers.other.status} ${JSON.stringify(shape(answers.other.body))} ≠ missing ${answers.missing.status} ${JSON.stringify(shape(answers.missing.body))}`,
            );
          }
        }
      }
    }
    if (process.env.MATRIX_DEBUG) console.log(JSON.stringify({ routes: Object.keys(ACCESS_MATRIX).length, cases }));
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(500);
  }, 180_000);

  it('co-instructors: edit and read reports while named, only the owner names them, and once removed the course is "missing" to them', async () => {
    const owner = f.actors.instructor;
    const co = f.instructorB;
    const c = await f.course(owner);
    expect((await f.api(owner, 'PUT', `/authoring/courses/${c.id}/co-instructors`, { userIds: [co.id] })).status).toBe(
      200,
    );
    expect((await f.api(co, 'GET', `/authoring/courses/${c.id}`)).status).toBe(200);
    expect(
      (
        await f.api(co, 'PATCH', `/authoring/lessons/${c.readingId}`, {
          revision: await f.revision('lessons', c.readingId),
          estimatedMinutes: 7,
        })
      ).status,
    ).toBe(200);
    expect((await f.api(co, 'GET', `/reports/courses/${c.id}`)).status).toBe(200);
    const naming = await f.api(co, 'PUT', `/authoring/courses/${c.id}/co-instructors`, { userIds: [] });
    expect(naming.status).toBe(403);
    expect(await t.db.query(`SELECT user_id FROM course_instructors WHERE course_id = $1`, [c.id])).toEqual([
      { user_id: co.id },
    ]);
    expect((await f.api(owner, 'PUT', `/authoring/courses/${c.id}/co-instructors`, { userIds: [] })).status).toBe(200);
    const gone = await f.api(co, 'GET', `/authoring/courses/${c.id}`);
    const missing = await f.api(co, 'GET', `/authoring/courses/${randomUUID()}`);
    expect(gone.status).toBe(404);
    expect(shape(gone.body)).toEqual(shape(missing.body));
    const edit = await f.api(co, 'PATCH', `/authoring/lessons/${c.readingId}`, {
      revision: await f.revision('lessons', c.readingId),
      estimatedMinutes: 9,
    });
    expect(edit.status).toBe(404);
    expect((await f.api(co, 'GET', `/reports/courses/${c.id}`)).status).toBe(404);
    const [lesson] = await t.db.query(`SELECT estimated_minutes FROM lessons WHERE id = $1`, [c.readingId]);
    expect(lesson.estimated_minutes).toBe(7);
  });

  it('the sessions of the callers survived the matrix (so every case really ran as its role)', async () => {
    for (const r of ['learner', 'instructor', 'manager', 'admin'] as Role[])
      expect((await f.api(f.actors[r], 'GET', '/me')).status, r).toBe(200);
  });
});
