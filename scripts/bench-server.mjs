// What `npm run bench` and `npm run bench:web` share: a throw-away database (embedded PostgreSQL, or
// DATABASE_URL) and Dari's production build started on it as `npm start` runs it (migrations,
// starter curriculum, demo accounts with the given password).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** DATABASE_URL, or a new embedded cluster (destroy it with `embedded.destroy()`). Needs the build. */
/** The headers of a JSON request from the web app. */
export const json = { 'content-type': 'application/json', 'x-dari-client': 'web' };

/** POSTs a JSON body to Dari at `base` as the web app does, with a session cookie when given. */
export const jsonPoster = (base) => (p, body, cookie) =>
  fetch(`${base}${p}`, {
    method: 'POST',
    headers: { ...json, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });

export async function openBenchDatabase(name) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: undefined };
  const { EmbeddedPostgres } = await import(path.join(root, 'apps/api/dist/database/embedded-postgres.js'));
  const { ensureDatabase } = await import(path.join(root, 'apps/api/dist/database/database-url.js'));
  const embedded = await EmbeddedPostgres.start({
    baseDir: path.join(os.tmpdir(), `${name}-${process.pid}`),
    ephemeral: true,
  });
  return { url: await ensureDatabase(embedded.url, name.replace(/-/g, '_')), embedded };
}

/** Starts Dari on 127.0.0.1:port and resolves once /api/v1/health answers (2 min at most: a busy 2-core machine). */
export async function startDari({ url, port, password, env = {} }) {
  const server = spawn(process.execPath, [path.join(root, 'apps/api/dist/cli/start.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DARI_DEMO_PASSWORD: password,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return server;
    } catch {
      /* not yet */
    }
    if (i > 1200 || server.exitCode !== null) throw new Error('Dari did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}
