import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, OutageLog } from './unavailable.js';

const pgError = (code: string) => Object.assign(new DatabaseError('boom', 0, 'error'), { code });
const errno = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises a database that is down, restarting or refusing connections, however it is wrapped', () => {
    for (const e of [
      errno('ECONNREFUSED'),
      errno('ECONNRESET'),
      pgError('57P01'), // admin_shutdown
      pgError('57P03'), // cannot_connect_now
      pgError('08006'), // connection_failure
      pgError('08P01'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new QueryFailedError('SELECT 1', [], pgError('57P01')),
      new Error('wrapped', { cause: errno('ECONNREFUSED') }),
      new AggregateError([errno('ECONNREFUSED'), errno('ECONNREFUSED')]),
    ]) {
      expect(isDatabaseUnavailable(e), (e as Error).message).toBe(true);
    }
  });

  it('leaves real query errors, conflicts and everything else alone', () => {
    for (const e of [
      pgError('23505'),
      pgError('40001'),
      pgError('42703'),
      new QueryFailedError('SELECT x', [], pgError('42P01')),
      new Error('Something else'),
      null,
      'ECONNREFUSED',
      { code: 'not_found' },
    ]) {
      expect(isDatabaseUnavailable(e)).toBe(false);
    }
  });
});

describe('OutageLog', () => {
  it('logs the first failure of an outage, then at most one line per period with the count it left out', () => {
    const lines: Record<string, unknown>[] = [];
    let now = 0;
    const log = new OutageLog(
      (fields) => lines.push(fields),
      30_000,
      () => now,
    );
    for (let i = 0; i < 500; i++) {
      now = i * 100;
      log.failed(errno('ECONNREFUSED'), `r${i}`);
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({ requestId: 'r0', reason: 'ECONNREFUSED' });
    expect(lines[1]).toEqual({ requestId: 'r300', reason: 'ECONNREFUSED', alsoFailedSinceLastLine: 299 });
  });
});
