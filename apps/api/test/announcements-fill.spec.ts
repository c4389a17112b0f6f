import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnnouncementsService } from '../src/announcements/announcements.service.js';
import { TestApp } from './test-app.js';

/**
 * An at-risk-only announcement writes its recipients a batch per transaction (here 3, as
 * DARI_ANNOUNCEMENT_FILL_BATCH allows): the request the first batch, a background loop the rest. Whatever
 * the batches, every learner at risk when it was sent receives it, nobody else, once each; a loop stopped
 * half way is finished by the next one, and two at once write each recipient once.
 */
describe('at-risk announcements to a large cohort', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ DARI_ANNOUNCEMENT_FILL_BATCH: '3' });
  });
  afterAll(() => t.close());

  const state = async (id: string) =>
    (
      await t.db.query<{ fill_cursor: string | null; recipient_count: number; recipients: string[] }[]>(
        `SELECT a.fill_cursor, a.recipient_count,
                coalesce((SELECT array_agg(r.user_id ORDER BY r.user_id) FROM announcement_recipients r WHERE r.announcement_id = a.id), '{}') AS recipients
           FROM announcements a WHERE a.id = $1`,
        [id],
      )
    )[0];
  async function filled(id: string) {
    for (let i = 0; i < 100 && (await state(id)).fill_cursor !== null; i++) await new Promise((r) => setTimeout(r, 50));
    return state(id);
  }

  it('reaches every learner at risk when sent, in batches, and a stopped fill is finished', async () => {
    const manager = await t.signedIn('manager');
    const learner = await t.signedIn('learner');
    const [{ id: cohort }] = await t.db.query<{ id: string }[]>(
      `INSERT INTO cohorts (name) VALUES ('큰 반') RETURNING id`,
    );
    await t.db.query(`INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, 'manager')`, [
      cohort,
      manager.id,
    ]);
    // Ten learners who joined 60 days ago and never learned (at risk), two active today, and the signed-in one.
    const made = await t.db.query<{ id: string }[]>(
      `INSERT INTO users (username, display_name, role, locale)
       SELECT 'fill-' || g || '-' || $1, '학습자 ' || g, 'learner', 'ko' FROM generate_series(1, 12) g RETURNING id`,
      [cohort.slice(0, 8)],
    );
    const people = [...made.map((r) => r.id), learner.id];
    await t.db.query(
      `INSERT INTO cohort_members (cohort_id, user_id, role, added_at) SELECT $1, u, 'learner', now() - interval '60 days' FROM unnest($2::uuid[]) u`,
      [cohort, people],
    );
    const active = people.slice(0, 2);
    await t.db.query(
      `UPDATE cohort_members SET last_active_at = now() WHERE cohort_id = $1 AND user_id = ANY($2::uuid[])`,
      [cohort, active],
    );
    const atRisk = people.filter((p) => !active.includes(p)).sort();
    expect(atRisk).toHaveLength(11);
    // The same manager's second cohort: three of these learners are in it too, with two of its own; all
    // at risk there as well. Its learners get nothing from the first cohort's announcement, and back.
    const [{ id: other }] = await t.db.query<{ id: string }[]>(
      `INSERT INTO cohorts (name) VALUES ('다른 반') RETURNING id`,
    );
    await t.db.query(`INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, 'manager')`, [
      other,
      manager.id,
    ]);
    const own = await t.db.query<{ id: string }[]>(
      `INSERT INTO users (username, display_name, role, locale)
       SELECT 'fill-other-' || g || '-' || $1, '다른 학습자 ' || g, 'learner', 'ko' FROM generate_series(1, 2) g RETURNING id`,
      [other.slice(0, 8)],
    );
    const otherAtRisk = [...atRisk.slice(0, 3), ...own.map((r) => r.id)].sort();
    await t.db.query(
      `INSERT INTO cohort_members (cohort_id, user_id, role, added_at) SELECT $1, u, 'learner', now() - interval '60 days' FROM unnest($2::uuid[]) u`,
      [other, otherAtRisk],
    );

    const sent = await t.request('POST', `/api/v1/cohorts/${cohort}/announcements`, {
      cookie: manager.cookie,
      body: { text: { ko: '도움이 필요하면 말해 주세요.' }, atRiskOnly: true },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ atRiskOnly: true, audienceCount: 11 });
    const done = await filled(sent.body.id);
    expect(done).toEqual({ fill_cursor: null, recipient_count: 11, recipients: atRisk });
    const mine = await t.request('GET', `/api/v1/me/cohorts/${cohort}/announcements`, { cookie: learner.cookie });
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([sent.body.id]);

    // A process stopped after the first batch: its cursor stays, the rest unwritten. The next loop (at start-up,
    // or the timer's) writes them; two loops at once write each recipient once.
    await t.db.query(`DELETE FROM announcement_recipients WHERE announcement_id = $1 AND user_id > $2`, [
      sent.body.id,
      atRisk[2],
    ]);
    await t.db.query(`UPDATE announcements SET fill_cursor = $2 WHERE id = $1`, [sent.body.id, atRisk[2]]);
    expect((await state(sent.body.id)).recipients).toEqual(atRisk.slice(0, 3));
    const service = t.app.get(AnnouncementsService);
    await Promise.all([service.fillRecipients(), service.fillRecipients()]);
    expect(await state(sent.body.id)).toEqual({ fill_cursor: null, recipient_count: 11, recipients: atRisk });

    // The second cohort's own at-risk announcement reaches its five, the three shared learners included.
    const second = await t.request('POST', `/api/v1/cohorts/${other}/announcements`, {
      cookie: manager.cookie,
      body: { text: { ko: '다른 반 공지예요.' }, atRiskOnly: true },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ audienceCount: 5 });
    expect(await filled(second.body.id)).toEqual({ fill_cursor: null, recipient_count: 5, recipients: otherAtRisk });
    expect(await state(sent.body.id)).toEqual({ fill_cursor: null, recipient_count: 11, recipients: atRisk });
  });
});
