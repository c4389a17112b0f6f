// `npm run credentials:rotate-key`: a new current signing key for credentials. The old key stays in
// the key table (encrypted), so every credential it signed keeps verifying: under did:web the DID
// document lists both; a did:key credential carries its key in its own issuer DID. docs/credentials.md.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/app-config.js';
import { CredentialsService } from '../credentials/index.js';
import { runMigrations } from '../database/migrate.js';
import { openDatabase, say } from './database.js';

async function main(): Promise<void> {
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
      const key = await ctx.get(CredentialsService).rotateKey();
      // The public key only: the secret key never leaves the database, and only encrypted.
      say(
        `new credential signing key ${key.publicKeyMultibase} (issuer ${key.did}); older keys stay valid for what they signed`,
      );
    } finally {
      await ctx.close();
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((e: unknown) => {
  const detail = e instanceof Error ? (process.env.DARI_DEBUG ? e.stack : e.message) : String(e);
  process.stderr.write(`[dari] credentials:rotate-key: ${detail}\n`);
  process.exit(1);
});
