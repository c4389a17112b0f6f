import type { Enrolment, EventBatchResult, LearningEvent } from '@dari/contracts';
import { isApiError } from '../../../lib/api';
import type { EventStore, HoldReason, QueuedEvent } from './event-store';

export type EventResult = EventBatchResult['results'][number];
export type SendBatch = (events: LearningEvent[]) => Promise<EventBatchResult>;

/** What the server said about a batch: one result per event, and the enrolments after it. */
export interface Answer {
  results: EventResult[];
  enrolments: Enrolment[];
  /** The events that were sent. */
  sent: QueuedEvent[];
}

/** After recording: the server's answer for this event, or `queued` (offline: it goes later). */
export type RecordOutcome = { state: 'answered'; result: EventResult; enrolments: Enrolment[] } | { state: 'queued' };

export type FlushOutcome = 'idle' | 'sent' | 'offline';

/** Refusals that a later change can cure (joining the course, finishing the lesson before): worth sending again. */
export const CURABLE: ReadonlySet<HoldReason> = new Set(['not_enrolled', 'locked']);

const BATCH = 100; // the API takes 1–100 events per batch
const RECENT = 200;

/**
 * Learning events, queued on the device FIRST and then sent in batches. An event leaves the queue only
 * once the server has recorded it (recorded or duplicate); a failed or offline send keeps it for the
 * next try. An event the server refused is HELD with its reason, never dropped: it is sent again only
 * when something may have cured the cause (the learner joined the course, finished the lesson before,
 * signed in again), and only the learner can let one go. Each event has an id made on the device, so
 * sending it again never counts twice.
 */
export class EventQueue {
  private items: QueuedEvent[] = [];
  private loaded: Promise<void> | null = null;
  private userId: string | null = null;
  private snapshot: readonly QueuedEvent[] = [];
  private heldSnapshot: readonly QueuedEvent[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly answerListeners = new Set<(answer: Answer) => void>();
  private readonly recent = new Map<string, { result: EventResult; enrolments: Enrolment[] }>();
  private chain: Promise<FlushOutcome> = Promise.resolve('idle');
  private failing = false;
  private lastSeq = 0;

  constructor(
    private readonly store: EventStore,
    private readonly send: SendBatch,
  ) {}

  /** Only the signed-in person's events are shown and sent. */
  setUser(userId: string | null): void {
    if (this.userId === userId) return;
    this.userId = userId;
    void this.load().then(() => this.changed());
  }

  /** The signed-in person's waiting events, oldest first (a stable array until something changes). */
  readonly pending = (): readonly QueuedEvent[] => this.snapshot;

  /** The signed-in person's events the server refused, oldest first, each with its reason. */
  readonly held = (): readonly QueuedEvent[] => this.heldSnapshot;

  /** The last try to send did not reach the server (offline, or server trouble). */
  readonly isFailing = (): boolean => this.failing;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onAnswer(listener: (answer: Answer) => void): () => void {
    this.answerListeners.add(listener);
    return () => this.answerListeners.delete(listener);
  }

  /** Stores the event on the device, then tries to send everything waiting. */
  async record(event: LearningEvent, slug: string): Promise<RecordOutcome> {
    const userId = this.userId;
    if (!userId) return { state: 'queued' };
    await this.load();
    const item: QueuedEvent = { event, userId, slug, seq: this.nextSeq() };
    await this.store.add(item);
    this.items = [...this.items.filter((i) => i.event.id !== event.id), item];
    this.changed();
    await this.flush();
    const answered = this.recent.get(event.id);
    return answered ? { state: 'answered', ...answered } : { state: 'queued' };
  }

  /** Sends what is waiting. Calls run one after another, so an event recorded meanwhile is never skipped. */
  flush(): Promise<FlushOutcome> {
    return this.enqueue(() => this.sendWaiting((i) => !i.held));
  }

  /** Sends the held events that `match` picks once more (after something may have cured their cause). */
  retryHeld(match: (item: QueuedEvent) => boolean): Promise<FlushOutcome> {
    return this.enqueue(() => this.sendWaiting((i) => i.held !== undefined && match(i)));
  }

  /** The held events of one course whose cause joining it or finishing a lesson may have cured. */
  retryCourse(slug: string): Promise<FlushOutcome> {
    return this.retryHeld((i) => i.slug === slug && i.held !== undefined && CURABLE.has(i.held.reason));
  }

  /** The learner lets held events go (work that can no longer count): the only way a held event leaves. */
  async discardHeld(ids: readonly string[]): Promise<void> {
    await this.load();
    const mine = new Set(this.heldSnapshot.filter((i) => ids.includes(i.event.id)).map((i) => i.event.id));
    await this.store.remove([...mine]);
    this.items = this.items.filter((i) => !mine.has(i.event.id));
    this.changed();
  }

  /**
   * Sends when the connection comes back, every `intervalMs`, and now; held events that may since have
   * been cured (joined or unlocked on another device) are tried once here, not on every tick.
   * Returns the function that stops it.
   */
  start(intervalMs = 30_000): () => void {
    const onOnline = () => void this.flush();
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => {
      if (this.snapshot.length > 0) void this.flush();
    }, intervalMs);
    void this.retryHeld((i) => i.held !== undefined && CURABLE.has(i.held.reason));
    void this.flush();
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }

  private enqueue(run: () => Promise<FlushOutcome>): Promise<FlushOutcome> {
    this.chain = this.chain.then(run, run);
    return this.chain;
  }

  private nextSeq(): number {
    // Milliseconds keep the order across reloads; the counter keeps it within one millisecond.
    this.lastSeq = Math.max(this.lastSeq + 1, Date.now() * 1000);
    return this.lastSeq;
  }

  private load(): Promise<void> {
    this.loaded ??= this.reload();
    return this.loaded;
  }

  private async reload(): Promise<void> {
    // Another tab may have queued or sent events: the store is the truth.
    this.items = await this.store.all();
    for (const item of this.items) this.lastSeq = Math.max(this.lastSeq, item.seq);
  }

  private setFailing(outcome: FlushOutcome): FlushOutcome {
    const failing = outcome === 'offline';
    if (failing !== this.failing) {
      this.failing = failing;
      this.changed();
    }
    return outcome;
  }

  private changed(): void {
    const mine = this.items.filter((i) => i.userId === this.userId);
    const pending = mine.filter((i) => !i.held);
    const held = mine.filter((i) => i.held);
    // Keep the arrays stable when nothing changed for this person (useSyncExternalStore compares them).
    if (!sameItems(pending, this.snapshot)) this.snapshot = pending;
    if (!sameItems(held, this.heldSnapshot)) this.heldSnapshot = held;
    for (const listener of this.listeners) listener();
  }

  private async sendWaiting(select: (item: QueuedEvent) => boolean): Promise<FlushOutcome> {
    await this.load();
    await this.reload();
    this.changed();
    const userId = this.userId;
    if (!userId) return 'idle';
    let mine = this.items.filter((i) => i.userId === userId && select(i));
    if (mine.length === 0) return 'idle';
    const tried = new Set<string>();
    while (mine.length > 0) {
      const progressed = new Set<string>();
      for (let start = 0; start < mine.length; start += BATCH) {
        const batch = mine.slice(start, start + BATCH);
        for (const item of batch) tried.add(item.event.id);
        const outcome = await this.sendBatch(batch, progressed);
        if (outcome === 'offline') return this.setFailing('offline');
      }
      // Something was recorded in a course: a lesson there may have opened, so its events held as
      // "locked" go once more. Each round needs new progress, so this ends.
      mine = this.items.filter(
        (i) => i.userId === userId && i.held?.reason === 'locked' && progressed.has(i.slug) && !tried.has(i.event.id),
      );
    }
    return this.setFailing('sent');
  }

  private async sendBatch(batch: QueuedEvent[], progressed: Set<string>): Promise<FlushOutcome> {
    let answer: Answer;
    try {
      answer = { ...(await this.send(batch.map((i) => i.event))), sent: batch };
    } catch (error) {
      // The server refused the batch as a whole (an event it cannot read): find that one by sending them
      // one at a time, and let only it go, so one bad event can never hold the others back forever.
      if (isApiError(error) && (error.status === 400 || error.status === 413)) {
        if (batch.length > 1) {
          for (const item of batch) if ((await this.sendBatch([item], progressed)) === 'offline') return 'offline';
          return 'sent';
        }
        answer = {
          results: [{ id: batch[0].event.id, status: 'rejected', message: error.message }],
          enrolments: [],
          sent: batch,
        };
      } else {
        return 'offline'; // no connection, server trouble, signed out: everything stays for the next try
      }
    }
    const byId = new Map(batch.map((i) => [i.event.id, i]));
    const answered = answer.results.filter((r) => byId.has(r.id));
    const gone = new Set(answered.filter((r) => r.status !== 'rejected').map((r) => r.id));
    await this.store.remove([...gone]);
    // Refused: kept with the reason (and the time of the first refusal), to be shown and cured.
    const now = new Date().toISOString();
    const heldNow = new Map<string, QueuedEvent>();
    for (const r of answered) {
      if (r.status !== 'rejected') continue;
      const item = byId.get(r.id);
      if (!item) continue;
      heldNow.set(r.id, { ...item, held: { reason: r.reason ?? 'unknown', at: item.held?.at ?? now } });
    }
    for (const item of heldNow.values()) await this.store.add(item);
    this.items = this.items.filter((i) => !gone.has(i.event.id)).map((i) => heldNow.get(i.event.id) ?? i);
    for (const id of gone) {
      const item = byId.get(id);
      if (item) progressed.add(item.slug);
    }
    for (const result of answer.results) {
      this.recent.set(result.id, { result, enrolments: answer.enrolments });
      const oldest = this.recent.keys().next().value;
      if (this.recent.size > RECENT && oldest !== undefined) this.recent.delete(oldest);
    }
    this.changed();
    for (const listener of this.answerListeners) listener(answer);
    return 'sent';
  }
}

/** Records one learning event (stored on the device first, then sent). */
export type RecordEvent = (event: LearningEvent) => Promise<RecordOutcome>;

function sameItems(a: readonly QueuedEvent[], b: readonly QueuedEvent[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, i) => item.event.id === b[i].event.id && item.held?.reason === b[i].held?.reason)
  );
}
