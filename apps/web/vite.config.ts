/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `source` lets Vite and Vitest read @dari/contracts from its TypeScript sources,
// so the web app never runs against a stale build of the shared schemas.
const conditions = ['source', 'module', 'browser', 'development|production'];

export default defineConfig({
  plugins: [react()],
  resolve: { conditions },
  ssr: { resolve: { conditions: ['source'] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      // The contracts are pure declarations: importing a constant (ROLES, CLIENT_HEADER) must not pull
      // in zod (~22 KiB gzip). Pages that validate load the schemas on demand instead.
      treeshake: {
        moduleSideEffects: (id) => (id.includes('/libs/contracts/') ? false : undefined),
        manualPureFunctions: ['z'],
      },
      output: {
        // zod in a chunk of its own, so the contracts' constants the first page uses don't drag it along.
        codeSplitting: { groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]/ }] },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.spec.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
  },
});
