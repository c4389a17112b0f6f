import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // The files of a worker share one module registry: the app's ~1,000 modules are imported once per
    // worker instead of once per file (on the shared development machine, the whole suite on PostgreSQL
    // 15: 208 s of imports became 17 s, and the run took 271 s instead of ~560 s). Each file still gets its own database and app; what is process-wide in a library is reset
    // per app (test/fresh-logger.ts), and test/logs-per-app.spec.ts proves the logs stay apart.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database; two workers suit a 2-core machine.
    maxWorkers: 2,
  },
});
