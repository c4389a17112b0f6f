import { DatabaseError } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** PostgreSQL's SQLSTATE of an error, whether TypeORM wrapped it (`driverError`) or pg threw it (prepared statements). */
export function pgCode(e: unknown): string | undefined {
  const wrapped = (e as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  if (typeof wrapped === 'string') return wrapped;
  return e instanceof DatabaseError ? e.code : undefined;
}

/** Deadlock or serialization failure: the transaction was rolled back and may simply run again. */
export const isRetryable = (e: unknown): boolean => {
  const code = pgCode(e);
  return code === '40P01' || code === '40001';
};

/**
 * A transaction run again (up to `tries` times in all) when PostgreSQL rolled it back for a deadlock
 * or a serialization failure, after a short random pause so the two sides do not meet again. `work`
 * must be safe to repeat: everything it wrote was rolled back.
 */
export async function transactionWithRetry<T>(
  db: DataSource,
  work: (m: EntityManager) => Promise<T>,
  tries = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (e) {
      if (attempt >= tries || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}
