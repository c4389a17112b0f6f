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

// The shell reports the CPU time its children used (`times`: user and system, on fd 3) once the command
// has finished: on a shared machine the wall time says little, the CPU time says what the command costs.
const withTimes = (command) => `${command}\nrc=$?\ntimes >&3\nexit $rc`;

/** Seconds from the second line of `times` ("0m12.34s 0m1.20s": the children's user and system time). */
function cpuSeconds(times) {
  const line = times.trim().split('\n')[1] ?? '';
  let total = 0;
  for (const [, m, s] of line.matchAll(/(\d+)m([\d.]+)s/g)) total += Number(m) * 60 + Number(s);
  return total;
}

const run = (command) =>
  new Promise((resolve) => {
    const t0 = Date.now();
    const chunks = [];
    const times = [];
    const child = spawn('/bin/sh', ['-c', withTimes(command)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (b) => chunks.push(b));
    child.stderr.on('data', (b) => chunks.push(b));
    child.stdio[3].on('data', (b) => times.push(b));
    child.on('error', (e) => {
      chunks.push(Buffer.from(`${e.message}\n`));
      resolve({ command, code: 1, output: Buffer.concat(chunks), seconds: (Date.now() - t0) / 1000, cpu: 0 });
    });
    child.on('close', (code, signal) =>
      resolve({
        command,
        code: code ?? (signal ? 1 : 0),
        output: Buffer.concat(chunks),
        seconds: (Date.now() - t0) / 1000,
        cpu: cpuSeconds(Buffer.concat(times).toString()),
      }),
    );
  });

const results = await Promise.all(commands.map(run));
for (const r of results) {
  process.stdout.write(`\n[parallel] ── ${r.command}\n`);
  process.stdout.write(r.output);
  process.stdout.write(
    `[parallel] ── ${r.command}: ${r.code === 0 ? 'passed' : `FAILED (exit code ${r.code})`} (${r.seconds.toFixed(0)} s, CPU ${r.cpu.toFixed(0)} s)\n`,
  );
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
