// `npm start`: the database (embedded unless DATABASE_URL), migrations, demo accounts, the server.
import 'reflect-metadata';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/app-config.js';
import { runMigrations, withStartupLock } from '../database/migrate.js';
import { CurriculumSeedService } from '../courses/curriculum-seed.service.js';
import { GlossaryService } from '../glossary/glossary.service.js';
import { DEMO_ACCOUNTS, DemoSeedService } from '../seed/demo-seed.service.js';
import { openDatabase, say } from './database.js';

async function main(): Promise<void> {
  const started = Date.now();
  const { url, embedded } = await openDatabase({ reuseRunning: false });
  let stopping = false;
  const stopDatabase = async () => {
    if (embedded) await embedded.stop();
  };
  try {
    const ran = await runMigrations(url);
    if (ran.length) say(`migrations run: ${ran.join(', ')}`);
    const config = loadConfig(process.env, url);
    const app = await createApp(config);

    // Seeding an empty database happens once, even when several instances start together.
    await withStartupLock(url, async () => {
      if (config.demo) {
        const seeded = await app.get(DemoSeedService).run(config.demoPassword);
        if (seeded.created) {
          say('demo accounts created (DARI_DEMO=false creates none):');
          for (const a of DEMO_ACCOUNTS) say(`  ${a.username.padEnd(16)} ${a.role}`);
          say(seeded.generatedPassword ? `  password for all four: ${seeded.generatedPassword}   (shown only this once; set DARI_DEMO_PASSWORD to choose it)` : '  password: the value of DARI_DEMO_PASSWORD');
        }
      }

      const courses = await app.get(CurriculumSeedService).run();
      if (courses.length) say(`starter curriculum loaded and published: ${courses.join(', ')}`);
      const terms = await app.get(GlossaryService).seed().catch((e: Error) => {
        say(`the starter glossary was not loaded: ${e.message}`);
        return 0;
      });
      if (terms) say(`starter glossary loaded: ${terms} terms`);
    });

    const shutdown = async (signal: string) => {
      if (stopping) {
        say(`${signal} again: exiting now`);
        process.exit(1);
      }
      stopping = true;
      say(`${signal}: finishing requests in flight, then stopping`);
      try {
        await app.close();
        await stopDatabase();
        say('stopped cleanly');
        process.exit(0);
      } catch (e) {
        process.stderr.write(`[dari] error while stopping: ${(e as Error).message}\n`);
        process.exit(1);
      }
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));

    await app.listen({ port: config.port, host: config.host });
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    say(`Dari is running at http://${shown}:${config.port}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s; Ctrl-C stops it)`);
  } catch (e) {
    await stopDatabase().catch(() => undefined);
    throw e;
  }
}

main().catch((e: Error) => {
  process.stderr.write(`[dari] could not start: ${e.message}\n`);
  process.exit(1);
});
