#!/usr/bin/env node
// npm run test:model -- [--runs N] [--seed S] [--path P] [--commands N] [--shrink-seconds N]
// Runs the learner model test (apps/api/test/learner-model.spec.ts) longer than `npm test` does, or
// replays a failure: a failing run prints its seed and path; pass both to replay exactly that case.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    path: { type: 'string' },
    commands: { type: 'string', default: '30' },
    'shrink-seconds': { type: 'string', default: '600' },
  },
});
for (const [k, v] of Object.entries(values)) {
  if (k !== 'path' && v !== undefined && !/^\d+$/.test(v)) {
    console.error(`--${k} must be a whole number, not "${v}"`);
    process.exit(2);
  }
}
console.log(
  `learner model: ${values.runs} runs of up to ${values.commands} steps, seed ${values.seed}${values.path ? `, path ${values.path}` : ''}`,
);
const env = {
  ...process.env,
  DARI_MODEL_RUNS: values.runs,
  DARI_MODEL_SEED: values.seed,
  DARI_MODEL_COMMANDS: values.commands,
  DARI_MODEL_SHRINK_SECONDS: values['shrink-seconds'],
  ...(values.path ? { DARI_MODEL_PATH: values.path } : {}),
};
const res = spawnSync('npx', ['vitest', 'run', 'test/learner-model.spec.ts'], {
  cwd: new URL('../apps/api/', import.meta.url),
  env,
  stdio: 'inherit',
});
process.exit(res.status ?? 1);
