import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, type Extract } from 'tar-stream';
import { z } from 'zod';
import { decrypterFor, type BackupKeys } from './keys.js';

/**
 * A Dari backup is one age-encrypted file holding a tar archive (`age -d backup.dari.age | tar t`
 * lists it): the database first, then every media file, then the manifest. The database is either
 * one pg_dump (custom format, `database.pgdump`) or, in the native format, one entry per table
 * (`database/<table>.copy.gz`: COPY's text format, gzip), in an order its foreign keys accept.
 */
export const DUMP_ENTRY = 'database.pgdump';
export const NATIVE_PREFIX = 'database/';
export const nativeEntry = (table: string) => `${NATIVE_PREFIX}${table}.copy.gz`;
export const MEDIA_PREFIX = 'media/';
export const MANIFEST_ENTRY = 'manifest.json';
export const ARCHIVE_FORMAT = 'dari-backup';
/** 1: the database as a pg_dump; 2: in the native format. A restore refuses a later one. */
export const ARCHIVE_FORMAT_VERSION = { pgdump: 1, native: 2 } as const;
export type DumpFormat = keyof typeof ARCHIVE_FORMAT_VERSION;

const manifestEntrySchema = z.object({
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** What manifest.json says; read back through this schema, so a restore trusts nothing unchecked. */
export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  dariVersion: z.string(),
  database: z.object({
    serverVersion: z.string(),
    /** Archives from before the native format have no such field: they hold a pg_dump. */
    format: z.enum(['pgdump', 'native']).default('pgdump'),
    /** The pg_dump that wrote `database.pgdump`; null in the native format. */
    pgDumpVersion: z.string().nullable(),
    /** Migrations run on the database, oldest first; the last is the schema's version. */
    migrations: z.array(z.string()),
    latestMigration: z.string().nullable(),
    /** Exact rows per table, counted in the snapshot pg_dump read. */
    tables: z.record(z.string(), z.number().int().nonnegative()),
    /** The native format: each table's entry and columns in load order, and the sequences' values. */
    native: z
      .object({
        tables: z.array(
          z.object({ table: z.string().min(1), columns: z.array(z.string().min(1)).min(1), entry: z.string() }),
        ),
        sequences: z.array(
          z.object({ name: z.string().min(1), value: z.string().regex(/^-?\d+$/), isCalled: z.boolean() }),
        ),
      })
      .optional(),
  }),
  /** Every entry of the archive but the manifest itself. */
  entries: z.array(manifestEntrySchema),
});

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type BackupManifest = z.infer<typeof manifestSchema>;

/** Passes bytes through, counting them and hashing them (SHA-256). */
export class Hashing extends Transform {
  readonly hash: Hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly onBytes?: (n: number) => void) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.onBytes?.(chunk.length);
    done(null, chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Node stream ↔ the WHATWG streams age-encryption reads and writes. */
export const toWeb = (r: Readable) => Readable.toWeb(r) as unknown as ReadableStream<Uint8Array>;
export const fromWeb = (r: ReadableStream<Uint8Array>) => Readable.fromWeb(r);

/** One tar entry being read (tar-stream does not export the type). */
export type Entry = Extract extends AsyncIterable<infer S> ? S : never;

export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

/** A restore that would not be right here (a target that is not empty, a backup from a newer Dari…). */
export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

/** age's own messages, said for an operator; `reading`: anything else age raised also means damage. */
function explain(e: unknown, reading = false): Error {
  const m = e instanceof Error ? e.message : String(e);
  if (/no identity matched/.test(m))
    return new ArchiveError(
      'the archive cannot be decrypted with this key: wrong DARI_BACKUP_PASSPHRASE, or not the secret key of the ' +
        'recipient it was encrypted to (nothing was restored)',
    );
  if (/invalid header|invalid .*stanza|ciphertext|chunk|tag|invalid|poly1305|decrypt/i.test(m))
    return new ArchiveError(`the archive is damaged or has been changed (${m}); nothing from it can be trusted`);
  if (reading)
    return new ArchiveError(`the archive is damaged or has been changed (${m}); nothing from it can be trusted`);
  return e instanceof Error ? e : new Error(m);
}

/** An error age (or the AEAD under it) raised while decrypting, as opposed to one of ours. */
function fromDecryption(e: unknown): boolean {
  if (!(e instanceof Error) || e instanceof ArchiveError) return false;
  return /invalid tag|ciphertext|final chunk|invalid header|stanza|no identity matched/i.test(e.message);
}

/**
 * Decrypts `file` and calls `onEntry` for each tar entry in order (each must be read to its end).
 * Decryption is authenticated chunk by chunk (64 KiB): a changed byte fails at that chunk.
 */
export async function readArchive(
  file: string,
  keys: BackupKeys,
  onEntry: (entry: Entry) => Promise<void>,
  onBytes?: (n: number) => void,
): Promise<void> {
  const source = createReadStream(file);
  if (onBytes) source.on('data', (c: string | Buffer) => onBytes(c.length));
  let plain: ReadableStream<Uint8Array>;
  try {
    plain = await decrypterFor(keys).decrypt(toWeb(source));
  } catch (e) {
    source.destroy();
    // Reading the header: a wrong key, or bytes that are not a well-formed age header (base64…).
    throw explain(e, true);
  }
  const entries = extract();
  const feeding = pipeline(fromWeb(plain), entries);
  // What a caller's onEntry throws (pg_restore failed…) is its own; anything else came from reading.
  let own: { error: unknown } | undefined;
  let failure: unknown;
  try {
    for await (const entry of entries) {
      try {
        await onEntry(entry);
      } catch (e) {
        own = { error: e };
        throw e;
      }
    }
  } catch (e) {
    failure = e;
  }
  try {
    await feeding;
  } catch (e) {
    failure ??= e;
  }
  // A changed byte fails decryption wherever the reader is: possibly inside onEntry, while it reads an
  // entry. That is still the archive's fault, and said so.
  if (own) throw fromDecryption(own.error) ? explain(own.error) : own.error;
  if (failure !== undefined) throw failure instanceof ArchiveError ? failure : explain(failure);
}
