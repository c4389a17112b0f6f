import 'fake-indexeddb/auto';
import type { EventBatchResult, LearningEvent } from '@dari/contracts';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api';
import { EventQueue, type SendBatch } from './event-queue';
import { deviceStore, type EventStore } from './event-store';

const LESSON = '5c0f3b1e-1a2b-4c3d-8e4f-000000000101';
const USER = '0b7c6a38-2f7e-4f4e-9a53-1f7c2e0d1a01';
const OTHER = '0b7c6a38-2f7e-4f4e-9a53-1f7c2e0d1a09';

let n = 0;
const event = (type: 'viewed' | 'completed' = 'completed'): LearningEvent => ({
  id: `5c0f3b1e-1a2b-4c3d-8e4f-${String(++n).padStart(12, '0')}`,
  lessonId: LESSON,
  occurredAt: '2026-04-02T10:00:00.000Z',
  type,
});

/** A SendBatch that answers at once; a throw becomes a failed request, as it would from fetch. */
const replyWith =
  (answer: (events: LearningEvent[]) => EventBatchResult): SendBatch =>
  (events) =>
    new Promise((resolve) => {
      resolve(answer(events));
    });

/** The server as the queue sees it: every event recorded once, a repeated id answered "duplicate". */
function server() {
  const seen = new Set<string>();
  const batches: LearningEvent[][] = [];
  const send = vi.fn<SendBatch>(
    replyWith((events) => {
      batches.push(events);
      const results: EventBatchResult['results'] = events.map((e) => {
        const status = seen.has(e.id) ? ('duplicate' as const) : ('recorded' as const);
        seen.add(e.id);
        return { id: e.id, status };
      });
      return { results, enrolments: [] };
    }),
  );
  return { send, batches, seen };
}

const offline = () => Promise.reject(new ApiError({ status: 0, code: 'network', message: 'Network request failed' }));

describe('the learning event queue', () => {
  let store: EventStore;

  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    store = deviceStore();
  });

  it('stores an event in IndexedDB before sending it, and removes it once the server has answered', async () => {
    const api = server();
    let storedWhenSent: string[] = [];
    const queue = new EventQueue(store, async (events) => {
      storedWhenSent = (await store.all()).map((i) => i.event.id);
      return api.send(events);
    });
    queue.setUser(USER);
    const e = event();
    const outcome = await queue.record(e, 'rights');
    expect(storedWhenSent).toEqual([e.id]);
    expect(outcome).toMatchObject({ state: 'answered', result: { id: e.id, status: 'recorded' } });
    expect(await store.all()).toEqual([]);
    expect(queue.pending()).toEqual([]);
  });

  it('keeps events on a network failure and sends them, in order, when the connection is back', async () => {
    const api = server();
    let online = false;
    const queue = new EventQueue(store, (events) => (online ? api.send(events) : offline()));
    queue.setUser(USER);
    const first = event('viewed');
    const second = event('completed');
    expect(await queue.record(first, 'rights')).toEqual({ state: 'queued' });
    expect(await queue.record(second, 'rights')).toEqual({ state: 'queued' });
    expect((await store.all()).map((i) => i.event.id)).toEqual([first.id, second.id]);
    expect(queue.pending()).toHaveLength(2);

    online = true;
    expect(await queue.flush()).toBe('sent');
    expect(api.batches).toEqual([[first, second]]);
    expect(await store.all()).toEqual([]);
    expect(queue.pending()).toHaveLength(0);
  });

  it('survives a reload: a new queue on the same device finds the waiting events and sends them once', async () => {
    const api = server();
    const before = new EventQueue(store, offline);
    before.setUser(USER);
    const e = event();
    await before.record(e, 'rights');

    const after = new EventQueue(deviceStore(), api.send);
    after.setUser(USER);
    await after.flush();
    await after.flush();
    expect(api.batches).toEqual([[e]]);
    expect(api.seen.size).toBe(1);
  });

  it('lets a duplicate answer remove the event too (a retry of a batch whose answer was lost)', async () => {
    const api = server();
    let loseAnswer = true;
    const queue = new EventQueue(store, async (events) => {
      const answer = await api.send(events);
      if (loseAnswer) {
        loseAnswer = false;
        throw new ApiError({ status: 0, code: 'network', message: 'connection dropped' });
      }
      return answer;
    });
    queue.setUser(USER);
    const e = event();
    expect(await queue.record(e, 'rights')).toEqual({ state: 'queued' });
    await queue.flush();
    expect(api.send.mock.results).toHaveLength(2);
    expect(await api.send.mock.results[1].value).toEqual({
      results: [{ id: e.id, status: 'duplicate' }],
      enrolments: [],
    });
    expect(api.seen.size).toBe(1);
    expect(await store.all()).toEqual([]);
  });

  it('holds a refused event with its reason and time (never drops it), and keeps sending the rest of the batch', async () => {
    const refusedEvent = event();
    const sends: string[][] = [];
    const queue = new EventQueue(
      store,
      replyWith((events) => {
        sends.push(events.map((e) => e.id));
        return {
          results: events.map((e) =>
            e.id === refusedEvent.id
              ? { id: e.id, status: 'rejected' as const, reason: 'locked' as const }
              : { id: e.id, status: 'recorded' as const },
          ),
          enrolments: [],
        };
      }),
    );
    const answers: string[] = [];
    queue.onAnswer((a) => answers.push(...a.results.map((r) => r.status)));
    queue.setUser(USER);
    const other = event();
    await store.add({ event: refusedEvent, userId: USER, slug: 'rights', seq: 1 });
    await store.add({ event: other, userId: USER, slug: 'other-course', seq: 2 });
    await queue.flush();
    expect(answers).toEqual(['rejected', 'recorded']);
    const kept = await store.all();
    expect(kept.map((i) => i.event.id)).toEqual([refusedEvent.id]);
    expect(kept[0].held).toEqual({ reason: 'locked', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(queue.held().map((i) => i.event.id)).toEqual([refusedEvent.id]);
    // Held is not "waiting to sync": it is not counted there, and not sent again on every flush.
    expect(queue.pending()).toEqual([]);
    await queue.flush();
    await queue.flush();
    expect(sends).toHaveLength(1);
  });

  it('keeps the reason "unknown" for an event the server refused without one', async () => {
    const queue = new EventQueue(
      store,
      replyWith((events) => ({
        results: events.map((e) => ({ id: e.id, status: 'rejected' as const })),
        enrolments: [],
      })),
    );
    queue.setUser(USER);
    await queue.record(event(), 'rights');
    expect(queue.held().map((i) => i.held?.reason)).toEqual(['unknown']);
  });

  it('sends the held events of a course again once joined; recorded, they leave the queue', async () => {
    let enrolled = false;
    const batches: string[][] = [];
    const queue = new EventQueue(
      store,
      replyWith((events) => {
        batches.push(events.map((e) => e.id));
        return {
          results: events.map((e) =>
            enrolled
              ? { id: e.id, status: 'recorded' as const }
              : { id: e.id, status: 'rejected' as const, reason: 'not_enrolled' as const },
          ),
          enrolments: [],
        };
      }),
    );
    queue.setUser(USER);
    const mine = [event(), event(), event()];
    for (const e of mine) await queue.record(e, 'rights');
    const elsewhere = event();
    await queue.record(elsewhere, 'other-course');
    expect(queue.held()).toHaveLength(4);
    const firstAt = queue.held()[0].held!.at;

    // Still not joined: sent once more on request, held again with the time of the first refusal.
    await queue.retryCourse('rights');
    expect(queue.held()).toHaveLength(4);
    expect(queue.held()[0].held!.at).toBe(firstAt);

    enrolled = true;
    batches.length = 0;
    await queue.retryCourse('rights');
    // Only that course's events, in the order they happened, in one batch.
    expect(batches).toEqual([mine.map((e) => e.id)]);
    expect(queue.held().map((i) => i.event.id)).toEqual([elsewhere.id]);
    expect((await store.all()).map((i) => i.event.id)).toEqual([elsewhere.id]);
  });

  it('sends events held as "locked" again once something else in that course is recorded', async () => {
    const open = new Set<string>();
    const second = { ...event(), lessonId: '5c0f3b1e-1a2b-4c3d-8e4f-000000000102' };
    const queue = new EventQueue(
      store,
      replyWith((events) => ({
        results: events.map((e) => {
          if (e.lessonId === second.lessonId && !open.has(second.lessonId))
            return { id: e.id, status: 'rejected' as const, reason: 'locked' as const };
          if (e.lessonId === LESSON) open.add(second.lessonId); // finishing the first lesson opens the second
          return { id: e.id, status: 'recorded' as const };
        }),
        enrolments: [],
      })),
    );
    queue.setUser(USER);
    await queue.record(second, 'rights');
    expect(queue.held().map((i) => i.event.id)).toEqual([second.id]);
    await queue.record(event(), 'rights');
    expect(queue.held()).toEqual([]);
    expect(await store.all()).toEqual([]);
  });

  it('survives a reload: held events, with their reason, are still there for the same person only', async () => {
    const refuse: SendBatch = replyWith((events) => ({
      results: events.map((e) => ({ id: e.id, status: 'rejected' as const, reason: 'lesson_not_found' as const })),
      enrolments: [],
    }));
    const before = new EventQueue(store, refuse);
    before.setUser(USER);
    const e = event();
    await before.record(e, 'rights');

    const after = new EventQueue(deviceStore(), refuse);
    after.setUser(USER);
    await after.flush();
    expect(after.held().map((i) => [i.event.id, i.held?.reason])).toEqual([[e.id, 'lesson_not_found']]);
    const someoneElse = new EventQueue(deviceStore(), refuse);
    someoneElse.setUser(OTHER);
    await someoneElse.flush();
    expect(someoneElse.held()).toEqual([]);
  });

  it('lets held events go only when the learner says so', async () => {
    const queue = new EventQueue(
      store,
      replyWith((events) => ({
        results: events.map((e) => ({ id: e.id, status: 'rejected' as const, reason: 'lesson_not_found' as const })),
        enrolments: [],
      })),
    );
    queue.setUser(USER);
    const gone = event();
    const stays = event();
    await queue.record(gone, 'rights');
    await queue.record(stays, 'rights');
    await queue.discardHeld([gone.id]);
    expect(queue.held().map((i) => i.event.id)).toEqual([stays.id]);
    expect((await store.all()).map((i) => i.event.id)).toEqual([stays.id]);
  });

  it('tries curable held events once when it starts (joined on another device), not on every tick', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const sent: string[] = [];
      const queue = new EventQueue(
        store,
        replyWith((events) => {
          sent.push(...events.map((e) => e.id));
          return {
            results: events.map((e) => ({ id: e.id, status: 'rejected' as const, reason: 'not_enrolled' as const })),
            enrolments: [],
          };
        }),
      );
      const e = event();
      await store.add({
        event: e,
        userId: USER,
        slug: 'rights',
        seq: 1,
        held: { reason: 'not_enrolled', at: '2026-04-02T10:00:00.000Z' },
      });
      queue.setUser(USER);
      const stop = queue.start(1000);
      await vi.waitFor(() => expect(sent).toEqual([e.id]));
      vi.advanceTimersByTime(5000);
      await queue.flush();
      expect(sent).toEqual([e.id]);
      expect(queue.held()).toHaveLength(1);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('isolates an event the server cannot read (400 for the batch) so it never blocks the others', async () => {
    const bad = event();
    const good = event();
    const sent: string[][] = [];
    const queue = new EventQueue(
      store,
      replyWith((events) => {
        sent.push(events.map((e) => e.id));
        if (events.some((e) => e.id === bad.id))
          throw new ApiError({ status: 400, code: 'validation_failed', message: 'bad event' });
        return { results: events.map((e) => ({ id: e.id, status: 'recorded' as const })), enrolments: [] };
      }),
    );
    queue.setUser(USER);
    await store.add({ event: bad, userId: USER, slug: 'rights', seq: 1 });
    await store.add({ event: good, userId: USER, slug: 'rights', seq: 2 });
    await queue.flush();
    expect(sent).toEqual([[bad.id, good.id], [bad.id], [good.id]]);
    // The unreadable one is held (the learner is told, and lets it go), not sent again and again.
    expect((await store.all()).map((i) => [i.event.id, i.held?.reason])).toEqual([[bad.id, 'unknown']]);
    await queue.flush();
    expect(sent).toHaveLength(3);
  });

  it('keeps events on server trouble (5xx) and when signed out (401)', async () => {
    for (const error of [
      new ApiError({ status: 503, code: 'service_unavailable', message: 'down' }),
      new ApiError({ status: 401, code: 'unauthenticated', message: 'signed out' }),
    ]) {
      const queue = new EventQueue(store, () => Promise.reject(error));
      queue.setUser(USER);
      await queue.record(event(), 'rights');
    }
    expect(await store.all()).toHaveLength(2);
  });

  it("on a shared phone, sends and shows only the signed-in person's events", async () => {
    const api = server();
    const queue = new EventQueue(store, api.send);
    const theirs = event();
    await store.add({ event: theirs, userId: OTHER, slug: 'rights', seq: 1 });
    queue.setUser(USER);
    const mine = event();
    await queue.record(mine, 'rights');
    expect(api.batches).toEqual([[mine]]);
    expect(queue.pending()).toEqual([]);
    expect((await store.all()).map((i) => i.event.id)).toEqual([theirs.id]);
  });

  it('sends at most 100 events per batch', async () => {
    const api = server();
    const queue = new EventQueue(store, api.send);
    for (let i = 0; i < 130; i += 1)
      await store.add({ event: event('viewed'), userId: USER, slug: 'rights', seq: i + 1 });
    queue.setUser(USER);
    await queue.flush();
    expect(api.batches.map((b) => b.length)).toEqual([100, 30]);
  });

  it('sends again when the browser says it is back online', async () => {
    const api = server();
    let online = false;
    const queue = new EventQueue(store, (events) => (online ? api.send(events) : offline()));
    queue.setUser(USER);
    const stop = queue.start(60_000);
    await queue.record(event(), 'rights');
    expect(queue.pending()).toHaveLength(1);
    online = true;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(queue.pending()).toHaveLength(0));
    stop();
  });
});
