import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PinoLogger } from 'nestjs-pino';
import type { DestinationStream, Logger } from 'pino';
import type { Options } from 'pino-http';
import { pinoHttpOptions } from '../src/common/http/logging.js';

// nestjs-pino keeps one pino-http instance per process (its "root logger"), made by the first app:
// every later app in the same process logs to the first one's stream, at the first one's level. A
// server has one app per process, so that is right there; the tests run many files in one worker
// (vitest without isolation, see vitest.config.ts) and some files make a second app, and each TestApp
// must capture its own lines, or a log assertion would read another app's capture and the "no
// personal data in the logs" check would pass without having seen anything.
//
// The module that holds it (dist/esm/rootLogger.js) is not in the package's `exports`; this loads
// the very file the package's ESM entry loads (same file URL, so the same instance), replaces the
// root with one made from the next app's own settings (exactly what its LoggerModule would make:
// the same options and stream, see app.module.ts), and points PinoLogger.root at it, so that a Nest
// logger still held by an earlier app always has a logger to write to. The next app's LoggerModule
// then finds that instance and mounts it.
const require = createRequire(import.meta.url);
const rootLoggerFile = path.join(path.dirname(require.resolve('nestjs-pino/package.json')), 'dist/esm/rootLogger.js');

interface RootLoggerModule {
  resetRootLogger?: () => void;
  ensureRootLogger?: (params: [Options, DestinationStream]) => Logger;
}

/** Before making an app: its requests and its other lines go to `stream`, at `level`. */
export async function freshLogger(level: string, stream: DestinationStream): Promise<void> {
  if (!existsSync(rootLoggerFile)) throw new Error(`nestjs-pino changed its layout: ${rootLoggerFile} is gone`);
  const mod = (await import(pathToFileURL(rootLoggerFile).href)) as RootLoggerModule;
  if (typeof mod.resetRootLogger !== 'function' || typeof mod.ensureRootLogger !== 'function')
    throw new Error('nestjs-pino no longer has resetRootLogger/ensureRootLogger: see test/fresh-logger.ts');
  mod.resetRootLogger();
  const root = mod.ensureRootLogger([pinoHttpOptions(level), stream]);
  (PinoLogger as unknown as { root: Logger }).root = root;
}
