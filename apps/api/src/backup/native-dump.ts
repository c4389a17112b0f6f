import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Encrypter } from 'age-encryption';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { Hashing, fromWeb, nativeEntry, toWeb } from './archive.js';
import { copySettings, foreignKeys, sequenceValues, tableColumns, type SequenceValue } from './backup.queries.js';

/**
 * The native format: a dump that needs no PostgreSQL client program (the embedded PostgreSQL 18 ships
 * none, and pg_dump refuses a server newer than itself). Every table of the public schema is written
 * with `COPY … TO STDOUT` in COPY's text format — the one pg_dump writes too: it does not depend on the
 * server's version or architecture (binary COPY does, for some types), so a dump of PostgreSQL 18 loads
 * into 15 and back, and a person can read it (`age -d | tar x`, `gunzip`) and load a table with psql's
 * `\copy`. Each table is gzip-compressed (the text is large and repetitive: ids, timestamps).
 */

/** The order tables load in: a table after every table it references (self-references need nothing). */
export function loadOrder(tables: readonly string[], refs: readonly { table: string; references: string }[]): string[] {
  const known = new Set(tables);
  const needs = new Map<string, string[]>(tables.map((t) => [t, []]));
  for (const r of refs)
    if (r.table !== r.references && known.has(r.table) && known.has(r.references))
      needs.set(r.table, [...(needs.get(r.table) ?? []), r.references]);
  const out: string[] = [];
  const placed = new Set<string>();
  while (out.length < tables.length) {
    // Alphabetical among the tables ready now: the same schema always gives the same order.
    const ready = [...needs].filter(([t, n]) => !placed.has(t) && n.every((x) => placed.has(x))).map(([t]) => t);
    if (!ready.length) {
      const left = tables.filter((t) => !placed.has(t));
      throw new Error(
        `the tables ${left.join(', ')} reference each other in a cycle: the native format cannot order them ` +
          '(use --format pgdump)',
      );
    }
    for (const t of ready.sort()) {
      out.push(t);
      placed.add(t);
    }
  }
  return out;
}

export interface DumpedTable {
  table: string;
  columns: string[];
  /** The archive entry it goes into. */
  entry: string;
  /** The temporary file that holds it, encrypted. */
  file: string;
  /** Size and SHA-256 of the entry's bytes (the gzip stream). */
  size: number;
  sha256: string;
}

/** Passes COPY's text through, counting its bytes and rows (lines). */
class RowCounter extends Transform {
  rows = 0;
  constructor(private readonly onBytes?: (n: number) => void) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows++;
    this.onBytes?.(chunk.length);
    done(null, chunk);
  }
}

/**
 * Writes every table of the public schema into `dir`, one encrypted file each (to `encrypter`, whose
 * key lives only in the backup process), in load order. `client` is inside the backup's
 * REPEATABLE READ transaction, so every COPY reads the one snapshot `counts` came from: each table's
 * rows are checked against them as they are written.
 */
export async function dumpNative(
  client: pg.Client,
  counts: Record<string, number>,
  dir: string,
  encrypter: Encrypter,
  onBytes?: (n: number) => void,
): Promise<{ tables: DumpedTable[]; sequences: SequenceValue[] }> {
  await copySettings(client);
  const columns = new Map((await tableColumns(client)).map((t) => [t.table, t]));
  const order = loadOrder([...columns.keys()], await foreignKeys(client)).flatMap((name) => columns.get(name) ?? []);
  // Sequences are outside any snapshot: read now, they are at least what the rows dumped used.
  const sequences = await sequenceValues(client);
  const tables: DumpedTable[] = [];
  for (const [i, t] of order.entries()) {
    const file = path.join(dir, `${String(i).padStart(3, '0')}.copy.gz.age`);
    const hashing = new Hashing();
    const encrypted = await encrypter.encrypt(toWeb(hashing));
    const rows = new RowCounter(onBytes);
    // No await between the COPY's start and its pipeline: its first rows would flow past unread.
    const copying = pipeline(client.query(copyTo(t.copyOut)), rows, createGzip(), hashing);
    await Promise.all([copying, pipeline(fromWeb(encrypted), createWriteStream(file, { mode: 0o600 }))]);
    // COPY's text format ends every row with a newline (one inside a value is written as \n).
    if (rows.rows !== counts[t.table])
      throw new Error(`the dump of ${t.table} holds ${rows.rows} rows, the snapshot counted ${counts[t.table]}`);
    tables.push({
      table: t.table,
      columns: t.columns,
      entry: nativeEntry(t.table),
      file,
      size: hashing.bytes,
      sha256: hashing.digest(),
    });
  }
  return { tables, sequences };
}
