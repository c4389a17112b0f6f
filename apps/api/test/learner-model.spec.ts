/**
 * The learner's world, checked by a model: random sequences of what people do — enrol,
 * withdraw, learn on two devices and offline, take quizzes, skip, join with a code, be added to and
 * removed from cohorts, have courses assigned with due dates, see a course republished, erase their
 * account — against the real API and PostgreSQL. After every step every read a person would see is
 * compared with test/model/learner-model.ts. docs/learner-model.md explains it.
 *
 * `npm test` runs a fixed seed and a bounded number of runs; `npm run test:model -- --runs N --seed S`
 * runs longer, and `--seed S --path P` replays a failure exactly (both are printed when one fails).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TestApp } from './test-app.js';
import { command, newWorld } from './model/learner-world.js';

const RUNS = Number(process.env.DARI_MODEL_RUNS ?? 12);
const SEED = Number(process.env.DARI_MODEL_SEED ?? 20261207);
const PATH = process.env.DARI_MODEL_PATH || undefined;
const MAX_COMMANDS = Number(process.env.DARI_MODEL_COMMANDS ?? 30);
const SHRINK_SECONDS = Number(process.env.DARI_MODEL_SHRINK_SECONDS ?? 120);

describe('the learner model', () => {
  let t: TestApp;
  const terms: string[] = [];
  beforeAll(async () => {
    // Many sign-ins and joins from few addresses: the limits are tested elsewhere.
    t = await TestApp.create({
      DARI_LOGIN_MAX_FAILURES_PER_IP: '1000000',
      DARI_LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000',
    });
    const admin = await t.signedIn('admin');
    for (const term of ['투표', '계약서']) {
      const res = await t.request('POST', '/api/v1/glossary', {
        cookie: admin.cookie,
        body: {
          term,
          northKorean: [],
          explanation: '쉬운 말로 풀어 쓴 설명이에요.',
          gloss: { en: 'word', zh: '词' },
          example: '예문을 하나 써요.',
          tags: ['civic'],
          related: [],
        },
      });
      terms.push(res.body.id);
    }
  });
  afterAll(() => t.close());

  it(`every read a person sees matches the model after every step (${RUNS} runs of up to ${MAX_COMMANDS} steps, seed ${SEED})`, async () => {
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: MAX_COMMANDS, size: 'max' }), async (cmds) => {
        const { model, real } = await newWorld(t, terms);
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        if (process.env.DARI_MODEL_TRACE) process.stdout.write(`${cmds.map(String).join('\n')}\n\n`);
        steps += cmds.length;
      }),
      {
        numRuns: RUNS,
        seed: SEED,
        path: PATH,
        // Shrinking replays the world many times: it stops after SHRINK_SECONDS with the shortest
        // counterexample found so far (the seed and path to replay it are printed either way).
        // An interruption is not a failure.
        plugins: [fc.interruptAfterTimeLimit(SHRINK_SECONDS * 1000 + RUNS * 15_000, { failOnInterrupt: false })],
        verbose: fc.VerbosityLevel.Verbose,
      },
    );
    process.stdout.write(`[learner model] ${RUNS} runs, ${steps} steps (seed ${SEED})\n`);
  }, 3_600_000);
});
