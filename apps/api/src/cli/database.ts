import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from '../config/app-config.js';
import { ensureDatabase } from '../database/database-url.js';
import { EmbeddedPostgres, resolveDataDir } from '../database/embedded-postgres.js';

/** The repository root, seen from apps/api/{src,dist}/cli. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export const say = (line: string) => process.stdout.write(`[dari] ${line}\n`);

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL 18 in the data folder — the one a running
 * Dari already serves, or a new one started here (`embedded` is then set, to stop later).
 */
export async function openDatabase(options: {
  reuseRunning: boolean;
}): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  const env = parseEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  const dataDir = resolveDataDir(PROJECT_ROOT, env.DARI_DATA_DIR, say);
  const running = options.reuseRunning ? EmbeddedPostgres.runningUrl(dataDir) : undefined;
  if (running) return { url: await ensureDatabase(running) };
  const embedded = await EmbeddedPostgres.start({ baseDir: dataDir, port: env.DARI_DB_PORT, log: say });
  // Uploaded media live beside the embedded database unless DARI_MEDIA_DIR says otherwise.
  process.env.DARI_MEDIA_DIR ??= path.join(dataDir, 'media');
  say(`PostgreSQL 18 (embedded) on 127.0.0.1:${embedded.port}, data in ${dataDir}`);
  return { url: await ensureDatabase(embedded.url), embedded };
}
