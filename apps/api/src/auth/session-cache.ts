import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AuthContext } from '../common/http/request.js';

/** What a cached session answers, and until when it may be answered from memory. */
export interface CachedSession {
  auth: AuthContext;
  sharedDevice: boolean;
  /** When the database last noted its use (ms); past TOUCH_AFTER_MS the lookup goes to the database again. */
  lastSeenAt: number;
  /** Never served from memory after this (ms): the earliest of the entry's lifetime and the session's own ends. */
  until: number;
}

/** The channel the database notifies on (migration SessionRevocationNotify): the payload is a user id. */
export const SESSION_CHANNEL = 'dari_sessions';
/** A notice that is a marker (`settle`), not a user id. */
const MARKER = 'marker:';

/**
 * Recently used sessions of this process, by token hash, so most requests need no database round
 * trip to know who is asking. Correct only while this process hears every revocation: a dedicated
 * connection LISTENs on `dari_sessions`, and the database notifies there (by trigger, at commit)
 * whenever sessions are deleted or an account's status or role changes; the notice drops every entry
 * of that person. While that connection is down (an outage, before it is up) the cache is empty and
 * bypassed, and it reconnects by itself. A lookup that started before a notice never fills the cache
 * (the generation check), so a revocation that commits during a lookup is not undone.
 */
export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();
  private generation = 0;
  private client: pg.Client | undefined;
  private listening = false;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;
  private readonly logger = new Logger('Sessions');
  private readonly markers = new Map<string, () => void>();

  constructor(
    private readonly databaseUrl: string,
    readonly lifetimeMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Connects and listens; resolves once listening (or after the first failure, then retries alone). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.down();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Whether lookups may use memory now (for tests and the health of the cache). */
  get active(): boolean {
    return this.listening && this.lifetimeMs > 0;
  }

  /** Sessions held now (the metrics' gauge). */
  get size(): number {
    return this.entries.size;
  }

  /** Writes waiting in `settle` for their marker (the metrics' gauge). */
  get settling(): number {
    return this.markers.size;
  }

  get(tokenHash: string): CachedSession | undefined {
    if (!this.active) return undefined;
    const hit = this.entries.get(tokenHash);
    if (!hit) return undefined;
    if (this.now() >= hit.until) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return hit;
  }

  /** The generation to hand back to `set`: take it before reading the database. */
  mark(): number {
    return this.generation;
  }

  set(tokenHash: string, entry: Omit<CachedSession, 'until'> & { until: number }, generation: number): void {
    if (!this.active || generation !== this.generation) return;
    this.entries.delete(tokenHash);
    if (this.entries.size >= this.maxEntries) {
      // The oldest entry goes first (a Map keeps insertion order).
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, { ...entry, until: Math.min(entry.until, this.now() + this.lifetimeMs) });
  }

  /** Forgets one token (this process revoked it; the notice will follow for the others). */
  forget(tokenHash: string): void {
    this.generation++;
    this.entries.delete(tokenHash);
  }

  /** Forgets the entries of one session (this process ended it). */
  forgetSession(sessionId: string): void {
    this.generation++;
    for (const [hash, e] of this.entries) if (e.auth.sessionId === sessionId) this.entries.delete(hash);
  }

  /**
   * Waits (up to `timeoutMs`) until this process's listener has heard every notice committed before
   * now: `send` puts a marker on the channel, and notices arrive in commit order. A revocation that
   * waits for this before answering has reached every listening instance's connection too.
   */
  async settle(send: (marker: string) => Promise<void>, timeoutMs = 1_000): Promise<void> {
    if (!this.listening) return;
    const marker = `${MARKER}${randomUUID()}`;
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<void>((resolve) => {
      this.markers.set(marker, resolve);
      timer = setTimeout(resolve, timeoutMs);
    });
    try {
      await send(marker);
      await heard;
    } finally {
      clearTimeout(timer);
      this.markers.delete(marker);
    }
  }

  /** Every entry of that person goes (a notice). */
  revokeUser(userId: string): void {
    this.generation++;
    for (const [hash, e] of this.entries) if (e.auth.userId === userId) this.entries.delete(hash);
  }

  private down(): void {
    this.listening = false;
    this.generation++;
    this.entries.clear();
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.lifetimeMs <= 0) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'dari-sessions' });
    this.client = client;
    client.on('notification', (n) => {
      if (n.channel !== SESSION_CHANNEL || !n.payload) return;
      if (n.payload.startsWith(MARKER)) this.markers.get(n.payload)?.();
      else this.revokeUser(n.payload);
    });
    const lost = (e?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.down();
      client.end().catch(() => undefined);
      this.scheduleReconnect(e);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANNEL}`);
      if (this.client !== client) return;
      // Anything cached before this moment may have missed a notice.
      this.entries.clear();
      this.generation++;
      this.listening = true;
      if (this.failures > 0) this.logger.log('Session revocations heard again; the session cache is back on.');
      this.failures = 0;
    } catch (e) {
      lost(e as Error);
    }
  }

  private scheduleReconnect(e?: Error): void {
    if (this.stopped) return;
    if (this.failures === 0)
      this.logger.warn(
        `Not hearing session revocations (${e?.message ?? 'connection ended'}); every request asks the database until this is back.`,
      );
    this.failures++;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), Math.min(5_000, 250 * 2 ** Math.min(this.failures, 5)));
    this.retry.unref();
  }
}
