import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { connectionOptions } from './database/data-source.js';
import { ENTITIES } from './entities.js';

/** The data source of the app, the tests and the TypeORM CLI: the connection (database/) with every entity. */
export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return { ...connectionOptions(url, poolSize), entities: ENTITIES };
}

// For the TypeORM CLI, which wants a default export. No npm script runs it: `npm run schema:diff`
// prints the SQL a new migration needs (docs/database.md, "Adding a migration").
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://localhost/dari'));
