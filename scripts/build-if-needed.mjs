// Builds contracts, web and api when a build is missing or older than the sources it comes from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'apps', 'api', 'dist', '.build-stamp');
const inputs = [
  'libs/contracts/src',
  'libs/curriculum/src',
  'apps/api/src',
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/public',
  'apps/web/vite.config.ts',
  'package-lock.json',
  // What the builds are configured by: `npm test` and `npm run check:bundle` build only through here.
  'tsconfig.base.json',
  'libs/contracts/tsconfig.json',
  'libs/curriculum/tsconfig.json',
  'apps/api/tsconfig.build.json',
  'apps/web/tsconfig.json',
  'scripts/precompress-web.mjs',
];
const outputs = ['libs/contracts/dist/index.js', 'apps/api/dist/cli/start.js', 'apps/web/dist/index.html'];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const name of readdirSync(p)) max = Math.max(max, newest(path.join(p, name)));
  return max;
}

export function buildIfNeeded() {
  const missing = outputs.some((o) => !existsSync(path.join(root, o))) || !existsSync(stamp);
  const stale = !missing && inputs.some((i) => newest(path.join(root, i)) > statSync(stamp).mtimeMs);
  if (!missing && !stale) return;
  process.stdout.write(`[dari] building (${missing ? 'first run' : 'sources changed'})…\n`);
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('[dari] the build failed; see above\n');
    process.exit(r.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
