import 'reflect-metadata';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

/**
 * How to reach the database and migrate it: no entities (src/data-source.ts adds them for the app
 * and the CLI; migrations need none), so database/ depends on no feature.
 */
export function connectionOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
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
