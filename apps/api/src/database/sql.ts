import type { PoolClient } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Where a statement runs: the data source (any pooled connection) or a transaction's manager. */
export type Db = DataSource | EntityManager;

/**
 * One SQL statement, declared once at module level in a `<feature>.queries.ts` file. `Params` and
 * `Row` exist only for the type checker: `run` takes exactly `Params` and returns `Row[]`.
 */
export interface Statement<Params extends readonly unknown[], Row> {
  readonly name: string;
  readonly text: string;
  readonly prepare: boolean;
  /** Phantom members: never set, they only carry the types. */
  readonly __params?: Params;
  readonly __row?: Row;
}

const registry = new Map<string, Statement<readonly unknown[], unknown>>();
const NAME = /^[a-z][a-z0-9-]*\.[a-z][a-zA-Z0-9]*$/;

/**
 * Declares (and registers, for the `apps/api/sql/*.sql` files) one statement.
 * `name` = '<feature>.<camelCaseName>', unique; declaring the same name with a different text throws
 * (the same text again — a module evaluated twice — is fine).
 *
 * `prepare: true` runs it as a named prepared statement, so PostgreSQL plans it once per connection
 * instead of on every call (for the progress and course-page queries planning cost more than running
 * them: EXPLAIN ANALYZE, warm, 0.33 ms planning, 0.07 ms execution). Keep a prepared statement's
 * result columns explicit (no `*` over a table): a prepared plan whose result shape changes under it
 * fails until the connection is renewed. Behind PgBouncer in transaction mode this needs
 * PgBouncer ≥ 1.21 with `max_prepared_statements`.
 */
export function statement<Row, Params extends readonly unknown[] = []>(
  name: string,
  text: string,
  options?: { prepare?: boolean },
): Statement<Params, Row> {
  if (!NAME.test(name)) throw new Error(`SQL statement name "${name}" is not '<feature>.<camelCaseName>'`);
  const prepare = options?.prepare ?? false;
  const known = registry.get(name);
  if (known) {
    if (known.text !== text || known.prepare !== prepare)
      throw new Error(`SQL statement "${name}" is declared twice with different text`);
    return known as Statement<Params, Row>;
  }
  const s: Statement<Params, Row> = Object.freeze({ name, text, prepare });
  registry.set(name, s);
  return s;
}

function isManager(db: Db): db is EntityManager {
  return !('createQueryRunner' in db && 'driver' in db && 'manager' in db);
}

/**
 * Runs a statement and returns its rows. A prepared one goes through pg's public API as a named
 * statement (`client.query({ name, text, values })`): inside a transaction on that transaction's
 * client (`m.queryRunner`), otherwise on a connection taken from the pool for the call and released.
 * Anything else runs as `db.query(text, params)`.
 */
export async function run<Row, Params extends readonly unknown[]>(
  db: Db,
  s: Statement<Params, Row>,
  params: Params,
): Promise<Row[]> {
  const values = params as unknown as unknown[];
  if (!s.prepare) return db.query<Row[]>(s.text, values);
  const inTransaction: QueryRunner | undefined = isManager(db) ? db.queryRunner : undefined;
  if (inTransaction && !inTransaction.isReleased) {
    const client = (await inTransaction.connect()) as PoolClient;
    return (await client.query({ name: s.name, text: s.text, values })).rows as Row[];
  }
  const ds = isManager(db) ? db.dataSource : db;
  const qr = ds.createQueryRunner();
  try {
    const client = (await qr.connect()) as PoolClient;
    return (await client.query({ name: s.name, text: s.text, values })).rows as Row[];
  } finally {
    await qr.release();
  }
}

/** Every statement declared so far, by name (the sql-files test imports every queries file first). */
export function registeredStatements(): ReadonlyMap<string, Statement<readonly unknown[], unknown>> {
  return registry;
}
