// `npm run credentials:rotate-key`: a new current signing key for credentials. The old key stays in
// the key table (encrypted), so every credential it signed keeps verifying: under did:web the DID
// document lists both; a did:key credential carries its key in its own issuer DID. docs/credentials.md.
import 'reflect-metadata';
import { CredentialsService } from '../credentials/index.js';
import { withAppContext } from './app-context.js';
import { say } from './database.js';

async function main(): Promise<void> {
  const key = await withAppContext((ctx) => ctx.get(CredentialsService).rotateKey());
  // The public key only: the secret key never leaves the database, and only encrypted.
  say(
    `new credential signing key ${key.publicKeyMultibase} (issuer ${key.did}); older keys stay valid for what they signed`,
  );
}

main().catch((e: unknown) => {
  const detail = e instanceof Error ? (process.env.DARI_DEBUG ? e.stack : e.message) : String(e);
  process.stderr.write(`[dari] credentials:rotate-key: ${detail}\n`);
  process.exit(1);
});
