import type { EVENT_REJECTIONS, LearningEvent } from '@dari/contracts';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** Why the server refused an event: its reason, or `unknown` (no reason given, an event it could not read). */
export type HoldReason = (typeof EVENT_REJECTIONS)[number] | 'unknown';

/** A refused event is held, not dropped: the learner sees why and what fixes it (see held-groups.ts). */
export interface Hold {
  reason: HoldReason;
  /** When the server first refused it (ISO time). */
  at: string;
}

/** One learning event waiting on this device until the server has answered it. */
export interface QueuedEvent {
  event: LearningEvent;
  /** Whose event it is: on a shared phone, only the person who made it sends it. */
  userId: string;
  /** The course's address name, so pages can apply waiting events to their outline. */
  slug: string;
  /** Keeps the order the events happened in (a lesson completed before the next one unlocks). */
  seq: number;
  /** Set once the server refused it: it is then sent again only when something may have fixed the cause. */
  held?: Hold;
}

/** Where waiting events live: IndexedDB on phones and browsers, memory where IndexedDB is missing. */
export interface EventStore {
  /** Stores the event, or replaces the stored copy with the same id (e.g. to mark it held). */
  add(item: QueuedEvent): Promise<void>;
  /** Every waiting event, oldest first. */
  all(): Promise<QueuedEvent[]>;
  remove(ids: readonly string[]): Promise<void>;
}

interface QueueDb extends DBSchema {
  events: { key: string; value: QueuedEvent; indexes: { bySeq: number } };
}

export const QUEUE_DB_NAME = 'dari-learning';

function idbStore(): EventStore {
  let db: Promise<IDBPDatabase<QueueDb>> | null = null;
  const open = () =>
    (db ??= openDB<QueueDb>(QUEUE_DB_NAME, 1, {
      upgrade(database) {
        const store = database.createObjectStore('events', { keyPath: 'event.id' });
        store.createIndex('bySeq', 'seq');
      },
    }));
  return {
    async add(item) {
      // put, not add: queuing the same event twice keeps one copy (the server would count it once anyway).
      await (await open()).put('events', item);
    },
    async all() {
      return (await open()).getAllFromIndex('events', 'bySeq');
    },
    async remove(ids) {
      const tx = (await open()).transaction('events', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
  };
}

export function memoryStore(): EventStore {
  const items = new Map<string, QueuedEvent>();
  return {
    add(item) {
      items.set(item.event.id, item);
      return Promise.resolve();
    },
    all() {
      return Promise.resolve([...items.values()].sort((a, b) => a.seq - b.seq));
    },
    remove(ids) {
      for (const id of ids) items.delete(id);
      return Promise.resolve();
    },
  };
}

/** IndexedDB when the browser has it (private modes may refuse it: then memory, for this visit only). */
export function deviceStore(): EventStore {
  if (typeof indexedDB === 'undefined') return memoryStore();
  const durable = idbStore();
  const fallback = memoryStore();
  let broken = false;
  const guard = async <T>(run: (store: EventStore) => Promise<T>): Promise<T> => {
    if (!broken) {
      try {
        return await run(durable);
      } catch {
        broken = true;
      }
    }
    return run(fallback);
  };
  return {
    add: (item) => guard((s) => s.add(item)),
    all: () => guard((s) => s.all()),
    remove: (ids) => guard((s) => s.remove(ids)),
  };
}
