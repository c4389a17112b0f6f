import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationsService } from '../src/notifications/index.js';
import { TestApp } from './test-app.js';

type Who = { id: string; cookie: string };

describe('notifications: notify and the inbox', () => {
  let t: TestApp;
  let learner: Who;
  let other: Who;
  let notifications: NotificationsService;
  beforeAll(async () => {
    t = await TestApp.create();
    [learner, other] = await Promise.all([t.signedIn('learner'), t.signedIn('learner')]);
    notifications = t.app.get(NotificationsService);
  });
  afterAll(() => t.close());

  const rowsOf = (userId: string) =>
    t.db.query<{ kind: string; ref_type: string; ref_id: string; data: Record<string, unknown> }[]>(
      `SELECT kind, ref_type, ref_id, data FROM notifications WHERE user_id = $1`,
      [userId],
    );

  it('notify writes one row per distinct known person in one statement, skipping unknown ids', async () => {
    const courseId = randomUUID();
    const n = await notifications.notify(null, [learner.id, other.id, learner.id, randomUUID()], {
      kind: 'course_assigned',
      ref: { type: 'course', id: courseId },
      data: { days: 3 },
    });
    expect(n).toBe(2);
    expect(await rowsOf(learner.id)).toEqual([
      { kind: 'course_assigned', ref_type: 'course', ref_id: courseId, data: { days: 3 } },
    ]);
    expect(await rowsOf(other.id)).toHaveLength(1);
    expect(await notifications.notify(null, [], { kind: 'overdue', ref: { type: 'course', id: courseId } })).toBe(0);
  });

  it("notify inside the caller's transaction rolls back with it", async () => {
    const before = (await rowsOf(learner.id)).length;
    await expect(
      t.db.transaction(async (m) => {
        await notifications.notify(m, [learner.id], { kind: 'overdue', ref: { type: 'course', id: randomUUID() } });
        expect((await m.query(`SELECT 1 FROM notifications WHERE user_id = $1`, [learner.id])).length).toBe(before + 1);
        throw new Error('the change it reports failed');
      }),
    ).rejects.toThrow('the change it reports failed');
    expect(await rowsOf(learner.id)).toHaveLength(before);
  });

  it('notify refuses unknown kinds and free text in data', async () => {
    const ref = { type: 'course' as const, id: randomUUID() };
    await expect(notifications.notify(null, [learner.id], { kind: 'gossip' as 'overdue', ref })).rejects.toThrow();
    await expect(
      notifications.notify(null, [learner.id], { kind: 'overdue', ref, data: { text: 'x'.repeat(200) } }),
    ).rejects.toThrow(/ids, codes and numbers/);
  });
});
