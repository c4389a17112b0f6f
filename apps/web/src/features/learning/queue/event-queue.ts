import type { Enrolment, EventBatchResult, LearningEvent } from '@dari/contracts';
import { isApiError } from '../../../lib/api';
import type { EventStore, QueuedEvent } from './event-store';

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

const BATCH = 100; // the API takes 1–100 events per batch
const RECENT = 200;

/**
 * Learning events, queued on the device FIRST and then sent in batches. An event leaves the queue only
 * once the server has answered it (recorded, duplicate or rejected); a failed or offline send keeps it
 * for the next try. Each event has an id made on the device, so sending it again never counts twice.
 */
export class EventQueue {
  private items: QueuedEvent[] = [];
  private loaded: Promise<void> | null = null;
  private userId: string | null = null;
  private snapshot: readonly QueuedEvent[] = [];
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
    const run = () => this.sendWaiting();
    this.chain = this.chain.then(run, run);
    return this.chain;
  }

  /** Sends when the connection comes back, every `intervalMs`, and now. Returns the function that stops it. */
  start(intervalMs = 30_000): () => void {
    const onOnline = () => void this.flush();
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => {
      if (this.snapshot.length > 0) void this.flush();
    }, intervalMs);
    void this.flush();
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
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
    this.snapshot = this.items.filter((i) => i.userId === this.userId);
    for (const listener of this.listeners) listener();
  }

  private async sendWaiting(): Promise<FlushOutcome> {
    await this.load();
    await this.reload();
    this.changed();
    const userId = this.userId;
    if (!userId) return 'idle';
    const mine = this.items.filter((i) => i.userId === userId);
    if (mine.length === 0) return 'idle';
    for (let start = 0; start < mine.length; start += BATCH) {
      const outcome = await this.sendBatch(mine.slice(start, start + BATCH));
      if (outcome === 'offline') return this.setFailing('offline');
    }
    return this.setFailing('sent');
  }

  private async sendBatch(batch: QueuedEvent[]): Promise<FlushOutcome> {
    let answer: Answer;
    try {
      answer = { ...(await this.send(batch.map((i) => i.event))), sent: batch };
    } catch (error) {
      // The server refused the batch as a whole (an event it cannot read): find that one by sending them
      // one at a time, and let only it go, so one bad event can never hold the others back forever.
      if (isApiError(error) && (error.status === 400 || error.status === 413)) {
        if (batch.length > 1) {
          for (const item of batch) if ((await this.sendBatch([item])) === 'offline') return 'offline';
          return 'sent';
        }
        answer = { results: [{ id: batch[0]!.event.id, status: 'rejected', message: error.message }], enrolments: [], sent: batch };
      } else {
        return 'offline'; // no connection, server trouble, signed out: everything stays for the next try
      }
    }
    const sent = new Set(batch.map((i) => i.event.id));
    const answered = answer.results.filter((r) => sent.has(r.id)).map((r) => r.id);
    await this.store.remove(answered);
    const gone = new Set(answered);
    this.items = this.items.filter((i) => !gone.has(i.event.id));
    for (const result of answer.results) {
      this.recent.set(result.id, { result, enrolments: answer.enrolments });
      if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
    }
    this.changed();
    for (const listener of this.answerListeners) listener(answer);
    return 'sent';
  }
}

/** Records one learning event (stored on the device first, then sent). */
export type RecordEvent = (event: LearningEvent) => Promise<RecordOutcome>;
