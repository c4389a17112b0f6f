import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { DataSource, MigrationExecutor, type QueryRunner } from 'typeorm';
import { connectionOptions } from '../database/data-source.js';
import { MIGRATIONS } from '../database/migrations/index.js';
import { ArchiveError, RestoreRefused, type BackupManifest } from './archive.js';
import {
  copySettings,
  disableTriggersAndEmpty,
  enableUserTriggers,
  foreignKeys,
  setSequence,
  tableColumns,
  tableCounts,
  type SequenceValue,
  type TableColumns,
} from './backup.queries.js';

type NativeTables = NonNullable<BackupManifest['database']['native']>['tables'];

/**
 * Restores the native format into an empty database, all of it in ONE transaction (the schema too:
 * a failure anywhere leaves the database as empty as it was):
 *
 * 1. the schema from Dari's own migrations, cut at exactly the backup's last one;
 * 2. every user trigger disabled (the counters come back as dumped, not counted twice) and every table
 *    emptied of what the migrations put in it (their own list included: it comes from the backup);
 * 3. `COPY … FROM STDIN` for each table in the archive's order, which puts every table after the
 *    tables it references: foreign keys are checked row by row as usual, no superuser needed (a
 *    managed PostgreSQL does not give one);
 * 4. the sequences set, every table's rows counted against the manifest, the triggers enabled again.
 */
export class NativeLoad {
  private next = 0;

  private constructor(
    private readonly ds: DataSource,
    private readonly runner: QueryRunner,
    private readonly client: PoolClient,
    private readonly manifest: BackupManifest,
    private readonly tables: NativeTables,
    private readonly sequences: SequenceValue[],
    private readonly target: Map<string, TableColumns>,
  ) {}

  static async begin(databaseUrl: string, manifest: BackupManifest): Promise<NativeLoad> {
    const native = manifest.database.native;
    if (!native) throw new ArchiveError('the manifest describes no native dump');
    const applied = manifest.database.migrations;
    if (applied.some((m, i) => MIGRATIONS[i]?.name !== m))
      throw new RestoreRefused(
        'the backup’s migrations are not the ones this Dari runs, in the same order, so its schema cannot be ' +
          'rebuilt from them. Nothing was changed.',
      );
    const ds = new DataSource({
      ...connectionOptions(databaseUrl, 2),
      migrations: MIGRATIONS.slice(0, applied.length),
    });
    await ds.initialize();
    const runner = ds.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      await runner.startTransaction();
      // The migrations run on this transaction's connection: TypeORM starts and commits none of its own.
      const executor = new MigrationExecutor(ds, runner);
      executor.transaction = 'none';
      await executor.executePendingMigrations();
      await copySettings(client);
      const target = new Map((await tableColumns(client)).map((t) => [t.table, t]));
      const load = new NativeLoad(ds, runner, client, manifest, native.tables, native.sequences, target);
      await load.check();
      await disableTriggersAndEmpty(client);
      return load;
    } catch (e) {
      await rollback(ds, runner);
      throw e;
    }
  }

  /** Every dumped table exists with the same columns, and the archive's order suits the foreign keys. */
  private async check(): Promise<void> {
    const problems: string[] = [];
    for (const t of this.tables) {
      const here = this.target.get(t.table);
      if (!here) problems.push(`the table ${t.table} does not exist`);
      else if (here.columns.join(',') !== t.columns.join(','))
        problems.push(`${t.table} has the columns (${here.columns.join(', ')}), the backup (${t.columns.join(', ')})`);
    }
    if (problems.length)
      throw new RestoreRefused(
        `the schema Dari's migrations build differs from the backup's (${problems.slice(0, 5).join('; ')}): ` +
          'the live database was changed by hand, and the native format carries rows, not the schema. Undo the ' +
          'change and back up again, or back up with --format pgdump (pg_dump carries the schema as it is). ' +
          'Nothing was changed.',
      );
    const position = new Map(this.tables.map((t, i) => [t.table, i]));
    for (const fk of await foreignKeys(this.client)) {
      const [from, to] = [position.get(fk.table), position.get(fk.references)];
      if (from !== undefined && to !== undefined && fk.table !== fk.references && to > from)
        throw new ArchiveError(`the backup holds ${fk.table} before ${fk.references}, which it references`);
    }
  }

  /** The next table's entry, as the archive holds it (gzip'd COPY text). */
  async table(name: string, entry: Readable): Promise<void> {
    const t = this.tables.at(this.next);
    const into = t && t.entry === name ? this.target.get(t.table) : undefined;
    if (!into)
      throw new ArchiveError(`the archive holds ${name} where the manifest says ${t?.entry ?? 'no more tables'}`);
    this.next++;
    await pipeline(entry, createGunzip(), this.client.query(copyFrom(into.copyIn)));
  }

  /** Sequences, counts, triggers back on, COMMIT. */
  async finish(): Promise<void> {
    if (this.next !== this.tables.length)
      throw new ArchiveError(`the archive holds ${this.next} of the ${this.tables.length} tables its manifest lists`);
    for (const s of this.sequences) await setSequence(this.client, s);
    const counts = await tableCounts(this.client);
    const wrong = Object.entries(this.manifest.database.tables)
      .filter(([t, n]) => counts[t] !== n)
      .map(([t, n]) => `${t}: ${counts[t] ?? 'missing'} rows, the backup had ${n}`);
    if (wrong.length) throw new ArchiveError(`the restored database differs from the backup (${wrong.join('; ')})`);
    await enableUserTriggers(this.client);
    await this.runner.commitTransaction();
    await this.close();
  }

  async abort(): Promise<void> {
    await rollback(this.ds, this.runner);
  }

  private async close(): Promise<void> {
    await this.runner.release().catch(() => undefined);
    await this.ds.destroy().catch(() => undefined);
  }
}

async function rollback(ds: DataSource, runner: QueryRunner): Promise<void> {
  if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
  await runner.release().catch(() => undefined);
  if (ds.isInitialized) await ds.destroy().catch(() => undefined);
}
