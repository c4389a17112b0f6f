import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportsService } from '../src/reports/reports.service.js';
import { TestApp, uniqueName } from './test-app.js';

/*
 * The cohort export reads its learners' order once and then looks each page up by id. A learner renamed
 * while the file is being written (the manager fixing a name in another tab) keeps the place they had when
 * the export began and is written exactly once. Paging by a keyset on (display_name, id) skipped them when
 * the new name sorted before the page already written, and wrote them twice when it sorted after.
 */
describe('the cohort export while names change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('writes every learner once, in the order of when it began, across pages', async () => {
    const manager = await t.signedIn('manager');
    const [{ id: cohort }] = await t.db.query<{ id: string }[]>(`INSERT INTO cohorts (name) VALUES ($1) RETURNING id`, [
      uniqueName('반 '),
    ]);
    await t.db.query(`INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, 'manager')`, [
      cohort,
      manager.id,
    ]);
    // Two pages and a bit (a page is 1,000 learners).
    const tag = uniqueName('o').toLowerCase();
    const learners = 2_003;
    const ids = (
      await t.db.query<{ id: string }[]>(
        `WITH u AS (
           INSERT INTO users (username, display_name, role, locale)
           SELECT $2 || '-' || g.n, '학습자 ' || lpad(g.n::text, 5, '0'), 'learner', 'ko' FROM generate_series(1, $3::int) AS g(n)
           RETURNING id, display_name)
         INSERT INTO cohort_members (cohort_id, user_id, role) SELECT $1, u.id, 'learner' FROM u
         RETURNING user_id AS id`,
        [cohort, tag, learners],
      )
    ).map((r) => r.id);
    const nameOf = async (id: string) =>
      (await t.db.query<{ display_name: string }[]>(`SELECT display_name FROM users WHERE id = $1`, [id]))[0]
        .display_name;

    const service = t.app.get(ReportsService);
    const { rows } = await service.cohortExport(cohort, { userId: manager.id, role: 'manager', sessionId: 'test' });
    const written: string[] = [];
    for await (const row of rows) {
      written.push(row.displayName);
      if (written.length === 1) {
        // While the first page is being written: the last learner's new name sorts before everyone, the
        // first's after everyone.
        await t.db.query(`UPDATE users SET display_name = '가나다' WHERE id = $1`, [ids.at(-1)]);
        await t.db.query(`UPDATE users SET display_name = '힣힣' WHERE id = $1`, [ids[1]]);
      }
    }
    expect(written).toHaveLength(learners);
    expect(new Set(written).size).toBe(learners);
    // Each in the place their name had when the export began: the first page was read before the change
    // (the second learner under their old name, and not again under the new one); the last learner's page
    // was read after it, so they come under their new name, still last.
    expect(written.slice(0, 3)).toEqual(['학습자 00001', '학습자 00002', '학습자 00003']);
    expect(written).not.toContain('힣힣');
    expect(written.at(-1)).toBe('가나다');
    expect(await nameOf(ids.at(-1)!)).toBe('가나다');
  });
});
