import { expect, test } from './support/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { apiAs, createAccount, DEMO, ko, pattern, signIn, uniqueSlug } from './support/app';

// A small published course made through the API as demo.instructor (what an instructor would click
// through in the editor): a reading, a content-noted reading, a quiz and a reflection, all required.
interface SmallCourse {
  slug: string;
  title: string;
  reading: string;
  sensitive: string;
  quiz: string;
  reflection: string;
}

interface AuthorCourse {
  id: string;
  revision: number;
  modules: { id: string }[];
}

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function publishSmallCourse(options: { sequential?: boolean } = {}): Promise<SmallCourse> {
  const api = await apiAs(DEMO.instructor.username);
  try {
    const slug = uniqueSlug('e2e-learn');
    const title = `일터의 권리 ${slug.slice(-5)}`;
    let c = await ok<AuthorCourse>(await api.post('/api/v1/authoring/courses', { data: { slug, title: { ko: title }, summary: { ko: '일할 때 가지는 권리를 짧게 배워요.' } } }));
    c = await ok<AuthorCourse>(await api.post(`/api/v1/authoring/courses/${c.id}/modules`, { data: { title: { ko: '일과 계약' } } }));
    const mod = c.modules[0]!.id;
    const add = async (kind: string, lessonTitle: string, patch: Record<string, unknown>) => {
      const lesson = await ok<{ id: string }>(await api.post(`/api/v1/authoring/modules/${mod}/lessons`, { data: { kind, title: { ko: lessonTitle } } }));
      await ok<unknown>(await api.patch(`/api/v1/authoring/lessons/${lesson.id}`, { data: { revision: 0, ...patch } }));
      return lesson.id;
    };
    const reading = await add('reading', '근로계약서', { content: { kind: 'reading', body: { ko: '## 계약서를 꼭 받아요\n\n일을 시작하면 근로계약서를 받아요.' } } });
    const sensitive = await add('reading', '임금을 못 받았을 때', {
      contentNote: { ko: '부당한 대우에 대한 이야기가 나와요.' },
      content: { kind: 'reading', body: { ko: '## 도움을 받는 곳\n\n고용노동부(1350)에 물어볼 수 있어요.' } },
    });
    const quiz = await add('quiz', '확인 문제', {
      content: {
        kind: 'quiz',
        passMark: 100,
        shuffle: false,
        questions: [
          {
            key: 'q1',
            type: 'single',
            prompt: { ko: '근로계약서는 언제 받나요?' },
            explanation: { ko: '일을 시작할 때 받아요.' },
            options: [
              { key: 'a', text: { ko: '일을 시작할 때' }, correct: true },
              { key: 'b', text: { ko: '그만둘 때' }, correct: false },
            ],
          },
          { key: 'q2', type: 'true_false', prompt: { ko: '최저임금보다 적게 줘도 괜찮아요.' }, explanation: { ko: '안 돼요. 최저임금은 법으로 정해져 있어요.' }, answer: false },
        ],
      },
    });
    const reflection = await add('reflection', '나의 일터', { content: { kind: 'reflection', prompt: { ko: '어떤 일터에서 일하고 싶나요?' } } });
    c = await ok<AuthorCourse>(await api.get(`/api/v1/authoring/courses/${c.id}`));
    await ok<unknown>(await api.patch(`/api/v1/authoring/courses/${c.id}`, { data: { revision: c.revision, sequential: options.sequential ?? false } }));
    await ok<unknown>(await api.post(`/api/v1/authoring/courses/${c.id}/publish`));
    return { slug, title, reading, sensitive, quiz, reflection };
  } finally {
    await api.dispose();
  }
}


/** The events waiting on the phone, read straight from IndexedDB (what the app keeps until the server answers). */
async function queuedEvents(page: Page): Promise<{ id: string; type: string; lessonId: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('dari-learning');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').getAll();
          all.onsuccess = () => resolve((all.result as { event: { id: string; type: string; lessonId: string } }[]).map((i) => i.event));
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test.describe('offline on a phone', () => {
  test('a lesson completed offline survives a reload offline, and reaches the server exactly once', async ({ page, context }) => {
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
        await expect(outline.getByRole('listitem').filter({ has: page.getByRole('link', { name: '근로계약서' }) }).last()).toContainText(ko.learning.status.completed);
        expect((await queuedEvents(page)).filter((e) => e.type === 'completed').map((e) => e.id)).toEqual([queued[0]!.id]);
      });

      await test.step('back online: it is sent, and the server has the lesson complete exactly once', async () => {
        await context.setOffline(false);
        await expect(page.getByText(pattern(ko.learning.sync.waiting))).toHaveCount(0, { timeout: 20_000 });
        await expect.poll(() => queuedEvents(page)).toEqual([]);

        const progress = await (await api.get(`/api/v1/courses/${course.slug}/progress`)).json();
        expect(progress.lessons.find((l: { lessonId: string }) => l.lessonId === course.reading)).toMatchObject({ status: 'completed' });
        expect(progress.enrolment.percent).toBe(25);

        // The very same event again (a retry, another tab): the server already has it and counts it once.
        const again = await api.post('/api/v1/progress/events', {
          data: { events: [{ id: queued[0]!.id, lessonId: course.reading, type: 'completed', occurredAt: new Date().toISOString() }] },
        });
        expect((await again.json()).results).toEqual([{ id: queued[0]!.id, status: 'duplicate' }]);
        // A new, different "completed" for the same lesson would be recorded: the id is what makes it once.
        const fresh = await api.post('/api/v1/progress/events', {
          data: { events: [{ id: randomUUID(), lessonId: course.reading, type: 'viewed', occurredAt: new Date().toISOString() }] },
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
