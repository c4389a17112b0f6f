import type { ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi as call,
  randomListenPort,
  startDari,
  type ApiAnswer as Answer,
  type DariProcess,
} from './fixtures/dari-process.js';
import { createTestDatabase } from './test-db.js';

/**
 * `kill -9` of the API in the middle of a burst of progress events (docs/operations.md "Load and
 * faults"). Several learners send events as the phone does (ids made on the device, single events and
 * batches); the API process is killed with SIGKILL while requests are in flight; after a restart on the
 * same database every learner sends again what was not acknowledged. Then every event is stored exactly
 * once, nothing else was stored, and the counters match a recount — whether an in-flight batch had
 * committed before the kill (its retry is a duplicate) or not (its retry stores it).
 */
const PASSWORD = 'kill during writes passphrase';
const LEARNERS = 8;
const dariEnv = (url: string) => ({ DATABASE_URL: url, DARI_DEMO_PASSWORD: PASSWORD, WEB_CONCURRENCY: '1' });

const exited = (child: ChildProcess) =>
  new Promise<void>((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
  );

type Event = { id: string; lessonId: string; occurredAt: string } & (
  { type: 'viewed' | 'completed' } | { type: 'time_spent'; seconds: number } | { type: 'position'; position: number }
);

/** One learner's phone: its session and its outbox of events, each acknowledged or not. */
interface Phone {
  userId: string;
  cookie: string;
  events: Event[];
  acked: Set<string>;
}

describe('kill -9 of the API during a burst of progress events', () => {
  let db: { url: string; drop: () => Promise<void> };
  let sql: pg.Client;
  let server: DariProcess | undefined;
  const port = randomListenPort();
  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await exited(server.child);
    }
    // beforeAll may have failed before setting these.
    await (sql as pg.Client | undefined)?.end();
    await (db as typeof db | undefined)?.drop();
  });

  it('keeps every acknowledged event once; the retries store the rest once; counters equal a recount', async () => {
    server = await startDari({ port, env: dariEnv(db.url) });
    const base = server.base;
    const admin = await call(base, 'POST', '/auth/login', undefined, { username: 'demo.admin', password: PASSWORD });
    expect(admin.status).toBe(200);
    const catalog = await call(base, 'GET', '/courses', admin.cookie);
    const slug = catalog.body.items[0].slug as string;
    const course = await call(base, 'GET', `/courses/${slug}`, admin.cookie);
    const lessons = (course.body.modules as { lessons: { id: string; kind: string }[] }[]).flatMap((m) => m.lessons);
    const first = lessons[0];

    const phones: Phone[] = [];
    for (let i = 0; i < LEARNERS; i++) {
      const username = `kill.learner${i}`;
      const made = await call(base, 'POST', '/admin/users', admin.cookie, {
        username,
        displayName: `Learner ${i}`,
        role: 'learner',
        password: PASSWORD,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const login = await call(base, 'POST', '/auth/login', undefined, { username, password: PASSWORD });
      expect(login.status).toBe(200);
      expect((await call(base, 'POST', `/courses/${slug}/enrol`, login.cookie, {})).status).toBe(200);
      phones.push({ userId: made.body.user.id as string, cookie: login.cookie!, events: [], acked: new Set() });
    }

    /** What the phone records as the learner reads: time and position on any lesson, the first one viewed and finished. */
    const make = (): Event => {
      const lesson = lessons[randomInt(lessons.length)];
      const base = { id: randomUUID(), lessonId: lesson.id, occurredAt: new Date().toISOString() };
      const r = randomInt(10);
      if (r === 0) return { ...base, lessonId: first.id, type: 'viewed' };
      if (r === 1 && first.kind !== 'quiz') return { ...base, lessonId: first.id, type: 'completed' };
      if (r < 5) return { ...base, type: 'position', position: randomInt(10_000) };
      return { ...base, type: 'time_spent', seconds: 1 + randomInt(60) };
    };
    /** Sends events; marks those the server answered for (recorded or duplicate) as acknowledged. */
    const send = async (phone: Phone, b: string, events: Event[]): Promise<Answer> => {
      const res = await call(b, 'POST', '/progress/events', phone.cookie, { events });
      if (res.status === 200)
        for (const r of res.body.results as { id: string; status: string }[]) {
          expect(r.status).not.toBe('rejected');
          phone.acked.add(r.id);
        }
      return res;
    };

    // The burst: every learner sends without pause, single events and batches of 20; now and then a
    // batch goes twice (a phone that lost the answer on a bad connection sends it again).
    // Each phone keeps sending until its connection fails.
    let requests = 0;
    let failed = 0;
    const burst = phones.map(async (phone, n) => {
      let previous: Event[] = [];
      for (let i = 0; ; i++) {
        const again = i % 7 === 3 && previous.length > 0;
        const events = again ? previous : Array.from({ length: (i + n) % 2 ? 20 : 1 }, make);
        if (!again) phone.events.push(...events);
        previous = events;
        const res = await send(phone, base, events).catch((e: unknown) => e);
        if (res instanceof TypeError) {
          failed++; // fetch failed: the connection died with the server
          return;
        }
        expect((res as Answer).status, JSON.stringify((res as Answer).body)).toBe(200);
        requests++;
      }
    });
    while (requests < 60 && failed === 0) await new Promise((r) => setTimeout(r, 5));
    expect(failed, `a connection failed before the kill:\n${server.output()}`).toBe(0);
    server.child.kill('SIGKILL');
    await Promise.all(burst);
    await exited(server.child);
    expect(failed, 'requests in flight when the API was killed').toBeGreaterThan(0);

    // Restart on the same database; each phone sends again what it has no acknowledgement for, in
    // batches of up to 100 as the app's queue does.
    server = await startDari({ port, env: dariEnv(db.url) });
    let unacknowledged = 0;
    let committedBeforeTheKill = 0;
    for (const phone of phones) {
      const outbox = phone.events.filter((e) => !phone.acked.has(e.id));
      unacknowledged += outbox.length;
      for (let i = 0; i < outbox.length; i += 100) {
        const res = await send(phone, server.base, outbox.slice(i, i + 100));
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        committedBeforeTheKill += (res.body.results as { status: string }[]).filter(
          (r) => r.status === 'duplicate',
        ).length;
      }
      expect(phone.events.filter((e) => !phone.acked.has(e.id))).toEqual([]);
    }
    process.stdout.write(
      `[kill -9] ${requests} requests answered before the kill, ${failed} cut off; ${unacknowledged} events unacknowledged, ${committedBeforeTheKill} of them had been stored before the kill\n`,
    );
    expect(unacknowledged).toBeGreaterThan(0);

    // Every event the phones made is stored exactly once, for its learner; nothing else is stored.
    const ids = phones.flatMap((p) => p.events.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    const stored = await sql.query<{ user_id: string; n: number; mine: number }>(
      `SELECT user_id, count(*)::int AS n, count(*) FILTER (WHERE id = ANY($2::uuid[]))::int AS mine
         FROM learning_events WHERE user_id = ANY($1::uuid[]) GROUP BY user_id ORDER BY user_id`,
      [phones.map((p) => p.userId), ids],
    );
    expect(stored.rows).toEqual(
      phones
        .map((p) => ({ user_id: p.userId, n: p.events.length, mine: p.events.length }))
        .sort((a, b) => a.user_id.localeCompare(b.user_id)),
    );

    // Time spent per learner and lesson: what the phone counted, once.
    const spent = new Map<string, number>();
    for (const p of phones)
      for (const e of p.events)
        if (e.type === 'time_spent')
          spent.set(`${p.userId} ${e.lessonId}`, (spent.get(`${p.userId} ${e.lessonId}`) ?? 0) + e.seconds);
    const progress = await sql.query<{
      user_id: string;
      lesson_id: string;
      time_spent_seconds: number;
      status: string;
    }>(`SELECT user_id, lesson_id, time_spent_seconds, status FROM lesson_progress WHERE user_id = ANY($1::uuid[])`, [
      phones.map((p) => p.userId),
    ]);
    expect(
      new Map(
        progress.rows
          .filter((r) => r.time_spent_seconds > 0)
          .map((r) => [`${r.user_id} ${r.lesson_id}`, r.time_spent_seconds]),
      ),
    ).toEqual(spent);
    // Each lesson's progress row exists exactly for the lessons that had an event.
    const touched = new Set(phones.flatMap((p) => p.events.map((e) => `${p.userId} ${e.lessonId}`)));
    expect(new Set(progress.rows.map((r) => `${r.user_id} ${r.lesson_id}`))).toEqual(touched);

    // The counters the triggers keep equal a recount from the rows they follow.
    const lessonStats = await sql.query(
      `SELECT lesson_id, sum(started)::int AS started, sum(completed)::int AS completed FROM lesson_stats
        GROUP BY 1 HAVING sum(started) <> 0 OR sum(completed) <> 0 ORDER BY 1`,
    );
    const lessonRecount = await sql.query(
      `SELECT lesson_id, count(*)::int AS started, count(*) FILTER (WHERE status IN ('completed', 'skipped'))::int AS completed
         FROM lesson_progress GROUP BY 1 ORDER BY 1`,
    );
    expect(lessonStats.rows).toEqual(lessonRecount.rows);
    const courseStats = await sql.query(
      `SELECT course_id, sum(enrolled)::int AS e, sum(completed)::int AS c FROM course_stats
        GROUP BY 1 HAVING sum(enrolled) <> 0 OR sum(completed) <> 0 ORDER BY 1`,
    );
    const courseRecount = await sql.query(
      `SELECT course_id, count(*) FILTER (WHERE status <> 'withdrawn')::int AS e, count(*) FILTER (WHERE status = 'completed')::int AS c
         FROM enrolments GROUP BY 1 ORDER BY 1`,
    );
    expect(courseStats.rows).toEqual(courseRecount.rows);

    // What each learner's phone shows after the restart agrees with the rows: the first lesson's
    // status, and the enrolment's activity moved by the events.
    for (const p of phones) {
      const page = await call(server.base, 'GET', `/courses/${slug}/progress`, p.cookie);
      expect(page.status).toBe(200);
      const finished = p.events.some((e) => e.type === 'completed');
      const firstState = (page.body.lessons as { lessonId: string; status: string }[]).find(
        (l) => l.lessonId === first.id,
      );
      if (finished) expect(firstState?.status).toBe('completed');
      expect(page.body.enrolment.lastActivityAt).not.toBeNull();
    }
  }, 60_000);
});
