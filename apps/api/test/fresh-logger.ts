import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// nestjs-pino keeps one pino-http instance per process (its "root logger"), made by the first app:
// every later app in the same process logs to the first one's stream, at the first one's level. A
// server has one app per process, so that is right there; the tests run many files in one worker
// (vitest without isolation, see vitest.config.ts), and each TestApp must capture its own lines, or
// a log assertion would read another file's capture and the "no personal data in the logs" check
// would pass without having seen anything. nestjs-pino resets it for its own tests with
// `__resetOutOfContextForTests`, which its package `exports` do not list; this loads the very module
// the package's ESM entry loads (same file URL, so the same instance) and calls it.
const require = createRequire(import.meta.url);
const pinoLoggerFile = path.join(path.dirname(require.resolve('nestjs-pino/package.json')), 'dist/esm/PinoLogger.js');

interface PinoLoggerModule {
  __resetOutOfContextForTests?: () => void;
}

/** Before making an app: the next app makes its own pino-http, with its own stream and level. */
export async function freshLogger(): Promise<void> {
  if (!existsSync(pinoLoggerFile)) throw new Error(`nestjs-pino changed its layout: ${pinoLoggerFile} is gone`);
  const mod = (await import(pathToFileURL(pinoLoggerFile).href)) as PinoLoggerModule;
  if (typeof mod.__resetOutOfContextForTests !== 'function')
    throw new Error('nestjs-pino no longer has __resetOutOfContextForTests: see test/fresh-logger.ts');
  mod.__resetOutOfContextForTests();
}
