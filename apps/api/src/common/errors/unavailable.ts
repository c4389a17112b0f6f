import type { ErrorCode } from '@dari/contracts';

/**
 * Answers for "try again soon": the database cannot be reached, or this process is shutting down.
 * Both are 503 with Retry-After; the web app keeps its queued events and sends them later.
 *
 * The code is the contract's `service_unavailable` (the web app translates it and keeps the message
 * and request id); the message says which of the two it is.
 */
export const UNAVAILABLE_CODE: ErrorCode = 'service_unavailable';
export const RETRY_AFTER_SECONDS = 5;
export const DATABASE_UNAVAILABLE_MESSAGE =
  'Dari cannot reach its database right now. Nothing you sent was lost; try again in a few seconds.';
export const SHUTTING_DOWN_MESSAGE = 'This Dari server is restarting. Try again in a few seconds.';

// SQLSTATEs that mean "no usable connection", not "your query is wrong".
const UNAVAILABLE_SQLSTATE = new Set([
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown: another backend crashed
  '57P03', // cannot_connect_now: starting up or in recovery
  '53300', // too_many_connections
]);
// Socket errors on the way to the database.
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// What pg and pg-pool throw without a code when a connection dies or cannot be had.
const UNAVAILABLE_MESSAGE = [
  /^Connection terminated/, // "…unexpectedly", "…due to connection timeout"
  /^timeout exceeded when trying to connect/, // pg-pool's connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^Connection refused/,
];

/**
 * Whether an error means the database cannot be reached right now (down, restarting, refusing
 * connections), whatever wrapped it: TypeORM's `driverError`, a `cause`, an AggregateError's `errors`.
 */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  const err = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (code && (UNAVAILABLE_SQLSTATE.has(code) || UNAVAILABLE_ERRNO.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
    return true;
  if (typeof err.message === 'string' && UNAVAILABLE_MESSAGE.some((re) => re.test(err.message as string))) return true;
  if (isDatabaseUnavailable(err.driverError, depth + 1) || isDatabaseUnavailable(err.cause, depth + 1)) return true;
  return Array.isArray(err.errors) && err.errors.some((x) => isDatabaseUnavailable(x, depth + 1));
}

/**
 * One log line per outage, not one stack per request: the first failure is logged at once, then at
 * most one summary every `everyMs` while failures go on.
 */
export class OutageLog {
  private lastAt = Number.NEGATIVE_INFINITY;
  private unlogged = 0;

  constructor(
    private readonly warn: (fields: Record<string, unknown>, message: string) => void,
    private readonly everyMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  failed(e: unknown, requestId: string): void {
    const t = this.now();
    if (t - this.lastAt < this.everyMs) {
      this.unlogged++;
      return;
    }
    const reason = describe(e);
    this.warn(
      { requestId, reason, ...(this.unlogged ? { alsoFailedSinceLastLine: this.unlogged } : {}) },
      'database unavailable: answering 503',
    );
    this.lastAt = t;
    this.unlogged = 0;
  }
}

/** The error's code or first words, never SQL or values. */
function describe(e: unknown): string {
  const err = e as
    | { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } | null }
    | null
    | undefined;
  const code = err?.driverError?.code ?? err?.code;
  if (typeof code === 'string') return code;
  const message = err?.driverError?.message ?? err?.message;
  return typeof message === 'string' ? message.slice(0, 80) : 'unknown';
}
