import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/** One data source definition for the app, the tests and the TypeORM CLI. Migrations only. */
export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // A connection that cannot be had in 10 s (database down or unreachable) fails, and the request
    // answers 503, instead of waiting for as long as the outage lasts.
    extra: { max: poolSize, application_name: 'dari', connectionTimeoutMillis: 10_000 },
  };
}

// For the TypeORM CLI, which wants a default export. No npm script runs it: `npm run schema:diff`
// prints the SQL a new migration needs (docs/database.md, "Adding a migration").
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://localhost/dari'));
