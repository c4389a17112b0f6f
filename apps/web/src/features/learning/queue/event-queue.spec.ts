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

/** The server as the queue sees it: every event recorded once, a repeated id answered "duplicate". */
function server() {
  const seen = new Set<string>();
  const batches: LearningEvent[][] = [];
  const send = vi.fn<SendBatch>(async (events) => {
    batches.push(events);
    const results: EventBatchResult['results'] = events.map((e) => {
      const status = seen.has(e.id) ? ('duplicate' as const) : ('recorded' as const);
      seen.add(e.id);
      return { id: e.id, status };
    });
    return { results, enrolments: [] };
  });
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
    expect(await api.send.mock.results[1]!.value).toEqual({ results: [{ id: e.id, status: 'duplicate' }], enrolments: [] });
    expect(api.seen.size).toBe(1);
    expect(await store.all()).toEqual([]);
  });

  it('drops a rejected event (the server answered), and keeps sending the rest of the batch', async () => {
    const queue = new EventQueue(store, async (events) => ({
      results: events.map((e, i) => (i === 0 ? { id: e.id, status: 'rejected' as const, reason: 'locked' as const } : { id: e.id, status: 'recorded' as const })),
      enrolments: [],
    }));
    const answers: string[] = [];
    queue.onAnswer((a) => answers.push(...a.results.map((r) => r.status)));
    queue.setUser(USER);
    await store.add({ event: event(), userId: USER, slug: 'rights', seq: 1 });
    await store.add({ event: event(), userId: USER, slug: 'rights', seq: 2 });
    await queue.flush();
    expect(answers).toEqual(['rejected', 'recorded']);
    expect(await store.all()).toEqual([]);
  });

  it('isolates an event the server cannot read (400 for the batch) so it never blocks the others', async () => {
    const bad = event();
    const good = event();
    const sent: string[][] = [];
    const queue = new EventQueue(store, async (events) => {
      sent.push(events.map((e) => e.id));
      if (events.some((e) => e.id === bad.id)) throw new ApiError({ status: 400, code: 'validation_failed', message: 'bad event' });
      return { results: events.map((e) => ({ id: e.id, status: 'recorded' as const })), enrolments: [] };
    });
    queue.setUser(USER);
    await store.add({ event: bad, userId: USER, slug: 'rights', seq: 1 });
    await store.add({ event: good, userId: USER, slug: 'rights', seq: 2 });
    await queue.flush();
    expect(sent).toEqual([[bad.id, good.id], [bad.id], [good.id]]);
    expect(await store.all()).toEqual([]);
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
    for (let i = 0; i < 130; i += 1) await store.add({ event: event('viewed'), userId: USER, slug: 'rights', seq: i + 1 });
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
