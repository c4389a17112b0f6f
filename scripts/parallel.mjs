// `node scripts/parallel.mjs "npm run lint" "npm run typecheck"`: runs the commands at the same time (each
// in a shell, from the repository root), prints each one's output whole once it has finished, in the
// order given, with how long it took, and exits non-zero if any failed. `npm test` runs the lint and the
// typecheck this way: each is one single-threaded Node process, so on a 2-core machine they take
// about as long together as the longer one alone.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const commands = process.argv.slice(2);
if (commands.length === 0) {
  process.stderr.write('usage: node scripts/parallel.mjs "<command>" "<command>" …\n');
  process.exit(2);
}

const run = (command) =>
  new Promise((resolve) => {
    const t0 = Date.now();
    const chunks = [];
    const child = spawn(command, { cwd: root, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b) => chunks.push(b));
    child.stderr.on('data', (b) => chunks.push(b));
    child.on('error', (e) => {
      chunks.push(Buffer.from(`${e.message}\n`));
      resolve({ command, code: 1, output: Buffer.concat(chunks), seconds: (Date.now() - t0) / 1000 });
    });
    child.on('close', (code, signal) =>
      resolve({
        command,
        code: code ?? (signal ? 1 : 0),
        output: Buffer.concat(chunks),
        seconds: (Date.now() - t0) / 1000,
      }),
    );
  });

const results = await Promise.all(commands.map(run));
for (const r of results) {
  process.stdout.write(`\n[parallel] ── ${r.command}\n`);
  process.stdout.write(r.output);
  process.stdout.write(
    `[parallel] ── ${r.command}: ${r.code === 0 ? 'passed' : `FAILED (exit code ${r.code})`} (${r.seconds.toFixed(0)} s)\n`,
  );
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
