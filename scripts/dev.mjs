// `npm run dev`: Dari for development, reloading as you edit.
//
// - The database: DATABASE_URL when it is set; otherwise the embedded PostgreSQL 18 in the data folder
//   (DARI_DATA_DIR, default .data/, the same one `npm start` uses), started here once. The API restarts
//   on every edit, so it does not own the database: it gets DATABASE_URL pointing at this one and only
//   reconnects, instead of stopping and starting PostgreSQL each time.
// - The API: `nest start api --watch` (nest-cli.json): the Nest CLI compiles apps/api with tsc into
//   apps/api/dist and restarts `dist/cli/start.js` after each change, on PORT (default 3000).
// - The web app: Vite's dev server (apps/web, http://localhost:5173), which sends /api to port 3000.
//
// Ctrl-C (or SIGTERM) stops the web server and the API, then the database, and exits. If one of them
// stops on its own, the others are stopped too. The shared libraries are built once at the start:
// after changing libs/*, run `npm run dev` again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => process.stdout.write(`[dev] ${line}\n`);
/** How long the API and Vite get to stop after SIGTERM before they are killed. */
const STOP_MS = 20_000;

function run(command, args) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    say(`${command} ${args.join(' ')} failed; see above`);
    process.exit(r.status ?? 1);
  }
}

// The API imports the shared libraries' builds (tsc -b: quick when nothing changed).
run('npm', ['run', 'build', '-w', 'libs/contracts', '-w', 'libs/curriculum']);
// This script opens the database with the API's own code: build the API once if it never was.
if (!existsSync(path.join(root, 'apps/api/dist/cli/database.js'))) run('npm', ['run', 'build', '-w', 'apps/api']);

const { openDatabase } = await import('../apps/api/dist/cli/database.js');
const { url, embedded } = await openDatabase({ reuseRunning: false });

const env = { ...process.env, DATABASE_URL: url };
const nest = path.join(root, 'node_modules', '.bin', 'nest');
// Each child in a process group of its own: Ctrl-C reaches this script only, which stops them in order.
const children = [
  {
    name: 'api',
    child: spawn(nest, ['start', 'api', '--watch', '--preserveWatchOutput'], {
      cwd: root,
      env,
      stdio: 'inherit',
      detached: true,
    }),
  },
  {
    name: 'web',
    child: spawn('npm', ['run', 'dev', '-w', 'apps/web'], {
      cwd: root,
      env: process.env,
      stdio: 'inherit',
      detached: true,
    }),
  },
];

let stopping = false;
async function stop(why, exitCode) {
  if (stopping) return;
  stopping = true;
  say(`${why}: stopping the web server and the API, then the database`);
  const exited = children.map(
    ({ child }) =>
      new Promise((resolve) =>
        child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve),
      ),
  );
  for (const { child } of children) signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => {
    say(`not stopped after ${STOP_MS / 1000} s: killing them`);
    for (const { child } of children) signalGroup(child, 'SIGKILL');
  }, STOP_MS);
  await Promise.all(exited);
  clearTimeout(timer);
  if (embedded) await embedded.stop();
  say('stopped');
  process.exit(exitCode);
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

for (const { name, child } of children) {
  child.once('exit', (code, signal) => void stop(`${name} exited (${signal ?? `code ${code}`})`, code === 0 ? 0 : 1));
}
process.on('SIGINT', () => void stop('SIGINT', 0));
process.on('SIGTERM', () => void stop('SIGTERM', 0));
say(
  `database: ${embedded ? `embedded PostgreSQL on port ${embedded.port}` : 'DATABASE_URL'}; API on port ${process.env.PORT ?? 3000}; web: see Vite's address below`,
);
