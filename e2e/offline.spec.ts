import { expect, test } from './support/test';
import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { apiAs, createAccount, ko, pattern, signIn } from './support/app';

import { publishSmallCourse } from './support/small-course';

/** The events waiting on the phone, read straight from IndexedDB (what the app keeps until the server answers). */
async function queuedEvents(page: Page): Promise<{ id: string; type: string; lessonId: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('dari-learning');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').getAll();
          all.onsuccess = () =>
            resolve((all.result as { event: { id: string; type: string; lessonId: string } }[]).map((i) => i.event));
          all.onerror = () => reject(all.error ?? new Error('IndexedDB read failed'));
        };
      }),
  );
}

test.describe('offline on a phone', () => {
  test('a lesson completed offline survives a reload offline, and reaches the server exactly once', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const course = await publishSmallCourse();
    const learner = await createAccount('learner', 'e2e.offline');
    const api = await apiAs(learner.username, learner.password);
    try {
      expect((await api.post(`/api/v1/courses/${course.slug}/enrol`, { data: {} })).status()).toBe(200);
      await signIn(page, learner.username, learner.password);
      // The service worker (production build) installs and takes over the page.
      await page.waitForFunction(async () => {
        await navigator.serviceWorker.ready;
        return Boolean(navigator.serviceWorker.controller);
      });

      // Opened once online: the course, the lesson and the person's progress are kept on the phone.
      await page.goto(`/learn/courses/${course.slug}`);
      await page.getByRole('link', { name: ko.learning.mine.start }).click();
      await expect(page.getByRole('heading', { level: 1, name: '근로계약서' })).toBeVisible();
      await expect(page.getByRole('heading', { name: '계약서를 꼭 받아요' })).toBeVisible();
      // The "viewed" event went out while online.
      await expect.poll(() => queuedEvents(page)).toEqual([]);

      await context.setOffline(true);
      await expect(page.getByText(ko.errors.offline)).toBeVisible();
      await page.getByRole('button', { name: ko.learning.player.markRead }).click();
      await expect(page.getByText(ko.learning.player.readDone)).toBeVisible();
      await expect(page.getByText(pattern(ko.learning.sync.waiting))).toBeVisible();
      const queued = (await queuedEvents(page)).filter((e) => e.type === 'completed');
      expect(queued).toEqual([expect.objectContaining({ type: 'completed', lessonId: course.reading })]);

      await test.step('reload, still offline: the page opens from the phone and still shows what waits', async () => {
        await page.reload();
        await expect(page.getByRole('heading', { level: 1, name: '근로계약서' })).toBeVisible();
        await expect(page.getByRole('heading', { name: '계약서를 꼭 받아요' })).toBeVisible();
        await expect(page.getByText(ko.learning.player.readDone)).toBeVisible();
        await expect(page.getByText(pattern(ko.learning.sync.waiting))).toBeVisible();
        // The outline (folded away on a phone) shows the lesson done already.
        await page.getByText(ko.learning.player.outline).click();
        const outline = page.getByRole('navigation', { name: ko.course.outline });
        await expect(
          outline
            .getByRole('listitem')
            .filter({ has: page.getByRole('link', { name: '근로계약서' }) })
            .last(),
        ).toContainText(ko.learning.status.completed);
        expect((await queuedEvents(page)).filter((e) => e.type === 'completed').map((e) => e.id)).toEqual([
          queued[0].id,
        ]);
      });

      await test.step('back online: it is sent, and the server has the lesson complete exactly once', async () => {
        await context.setOffline(false);
        await expect(page.getByText(pattern(ko.learning.sync.waiting))).toHaveCount(0, { timeout: 20_000 });
        await expect.poll(() => queuedEvents(page)).toEqual([]);

        const progress = await (await api.get(`/api/v1/courses/${course.slug}/progress`)).json();
        expect(progress.lessons.find((l: { lessonId: string }) => l.lessonId === course.reading)).toMatchObject({
          status: 'completed',
        });
        expect(progress.enrolment.percent).toBe(25);

        // The very same event again (a retry, another tab): the server already has it and counts it once.
        const again = await api.post('/api/v1/progress/events', {
          data: {
            events: [
              { id: queued[0].id, lessonId: course.reading, type: 'completed', occurredAt: new Date().toISOString() },
            ],
          },
        });
        expect((await again.json()).results).toEqual([{ id: queued[0].id, status: 'duplicate' }]);
        // A new, different "completed" for the same lesson would be recorded: the id is what makes it once.
        const fresh = await api.post('/api/v1/progress/events', {
          data: {
            events: [
              { id: randomUUID(), lessonId: course.reading, type: 'viewed', occurredAt: new Date().toISOString() },
            ],
          },
        });
        expect((await fresh.json()).results[0].status).toBe('recorded');
        const after = await (await api.get(`/api/v1/courses/${course.slug}/progress`)).json();
        expect(after.enrolment.percent).toBe(25);
      });
    } finally {
      await api.dispose();
    }
  });
});
