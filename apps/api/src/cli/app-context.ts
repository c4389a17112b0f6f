// The app's services for a one-off command (create-admin, credentials:rotate-key): the database opened
// (the running embedded one reused, or DATABASE_URL), migrated, and Nest's application context without
// an HTTP server or logs; everything closed again whatever `work` does.
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/app-config.js';
import { runMigrations } from '../database/migrate.js';
import { openDatabase } from './database.js';

export async function withAppContext<T>(work: (ctx: INestApplicationContext) => Promise<T>): Promise<T> {
  const { url, embedded } = await openDatabase({ reuseRunning: true });
  try {
    await runMigrations(url);
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' }, url);
    const ctx = await NestFactory.createApplicationContext(
      AppModule.forRoot(config),
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest declares its options bag as a class; a literal is its documented form (an instance would set every option to undefined)
      { logger: false },
    );
    try {
      return await work(ctx);
    } finally {
      await ctx.close();
    }
  } finally {
    await embedded?.stop();
  }
}
